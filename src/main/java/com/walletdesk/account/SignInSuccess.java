package com.walletdesk.account;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;

/**
 * After the password: the first pending sign-in step's page, else the dashboard. The session
 * (new ID, new creation time: Spring Security migrated it) starts with no step proved.
 */
class SignInSuccess implements AuthenticationSuccessHandler {

	private final AccountService accounts;

	private final SignInSteps steps;

	SignInSuccess(AccountService accounts, SignInSteps steps) {
		this.accounts = accounts;
		this.steps = steps;
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws IOException {
		SignInSteps.forget(request.getSession(false));
		String target = "/";
		if (authentication.getPrincipal() instanceof SignedInAccount principal) {
			target = this.accounts.account(principal.accountId())
				.flatMap(account -> this.steps.pending(account, request.getSession(false)))
				.map(step -> step.page)
				.orElse("/");
		}
		response.sendRedirect(request.getContextPath() + target);
	}

}
