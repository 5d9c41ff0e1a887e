package com.walletdesk.account.signin;

import com.walletdesk.account.AccountService;
import com.walletdesk.account.CurrentUser;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Component;

/** What the sign-in step pages and calls need of the session: mark a step done, learn what comes next. */
@Component
public class SignInProgress {

	private final AccountService accounts;

	private final SignInSteps steps;

	SignInProgress(AccountService accounts, SignInSteps steps) {
		this.accounts = accounts;
		this.steps = steps;
	}

	/** This session has proved the account's second factor (its session ID changes). */
	public void mfaProved(HttpServletRequest request, CurrentUser user) {
		this.steps.mfaProved(request, user.accountId());
	}

	/** After a password change: a new session ID for the session that did it. */
	public void passwordChanged(HttpServletRequest request) {
		if (request.getSession(false) != null) {
			request.changeSessionId();
		}
	}

	/** The page of the next pending step, or the dashboard when none is left. */
	public String nextPage(HttpServletRequest request, CurrentUser user) {
		return nextPage(request, user.accountId());
	}

	String nextPage(HttpServletRequest request, long accountId) {
		return this.accounts.account(accountId)
			.flatMap(account -> this.steps.pending(account, request.getSession(false)))
			.map(step -> step.page)
			.orElse("/");
	}

	/** The session's ID in the session store (kept when the account's other sessions are ended). */
	public static String sessionId(HttpServletRequest request) {
		return request.getSession(false) == null ? null : request.getSession(false).getId();
	}

}
