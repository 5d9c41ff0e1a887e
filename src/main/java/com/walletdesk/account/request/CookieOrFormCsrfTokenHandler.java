package com.walletdesk.account.request;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.security.web.csrf.CsrfTokenRequestHandler;
import org.springframework.security.web.csrf.XorCsrfTokenRequestAttributeHandler;

/**
 * Accepts the CSRF token the two ways API.md allows: the XSRF-TOKEN cookie's raw value (sent
 * by scripts as {@code X-XSRF-TOKEN}, or as {@code _csrf}), or the masked value our own pages
 * render into forms (masked per response, against BREACH).
 */
public class CookieOrFormCsrfTokenHandler implements CsrfTokenRequestHandler {

	private final XorCsrfTokenRequestAttributeHandler masked = new XorCsrfTokenRequestAttributeHandler();

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, Supplier<CsrfToken> token) {
		this.masked.handle(request, response, token);
	}

	@Override
	public String resolveCsrfTokenValue(HttpServletRequest request, CsrfToken token) {
		String sent = CsrfTokenRequestHandler.super.resolveCsrfTokenValue(request, token);
		if (sent == null) {
			return null;
		}
		if (sent.equals(token.getToken())) {
			return sent;
		}
		return this.masked.resolveCsrfTokenValue(request, token);
	}

}
