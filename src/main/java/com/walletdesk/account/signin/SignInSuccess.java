package com.walletdesk.account.signin;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * After the password: the first pending sign-in step's page, else the dashboard. The session
 * (new ID, new creation time: Spring Security migrated it) starts with no step proved.
 */
public class SignInSuccess implements AuthenticationSuccessHandler {

	private final SignInProgress progress;

	public SignInSuccess(SignInProgress progress) {
		this.progress = progress;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		SignInSteps.forget(request.getSession(false));
		String target = "/";
		if (authentication.getPrincipal() instanceof SignedInAccount principal) {
			target = this.progress.nextPage(request, principal.accountId());
		}
		response.sendRedirect(request.getContextPath() + target);
	}

}
