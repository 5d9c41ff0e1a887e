package com.walletdesk.account;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.walletdesk.web.ProblemResponses;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reloads the signed-in account on every request. A disabled or deleted account loses its
 * session at once; a merchant whose license was switched off gets 403 {@code LICENSE_INACTIVE}
 * on the API and the sign-in page with the license message in the browser.
 */
class CurrentUserFilter extends OncePerRequestFilter {

	static final String ATTRIBUTE = CurrentUser.class.getName();

	private final AccountService accounts;

	CurrentUserFilter(AccountService accounts) {
		this.accounts = accounts;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof SignedInAccount principal)) {
			chain.doFilter(request, response);
			return;
		}
		switch (this.accounts.standing(principal.accountId())) {
			case GONE -> {
				endSession(request);
				refuse(request, response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Sign in again", "/login?expired");
			}
			case LICENSE_INACTIVE -> {
				endSession(request);
				refuse(request, response, HttpStatus.FORBIDDEN, "LICENSE_INACTIVE",
						"The dashboard license of this merchant is not active", "/login?license");
			}
			case ACTIVE -> {
				Optional<CurrentUser> user = this.accounts.currentUser(principal.accountId());
				user.ifPresent(u -> request.setAttribute(ATTRIBUTE, u));
				chain.doFilter(request, response);
			}
		}
	}

	private static void endSession(HttpServletRequest request) {
		SecurityContextHolder.clearContext();
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
	}

	private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
			String message, String page) throws IOException {
		if (ProblemResponses.isApi(request)) {
			ProblemResponses.write(response, status, code, message, request);
		}
		else if ("true".equals(request.getHeader("HX-Request"))) {
			response.setHeader("HX-Redirect", request.getContextPath() + page);
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
		}
		else {
			response.sendRedirect(request.getContextPath() + page);
		}
	}

}
