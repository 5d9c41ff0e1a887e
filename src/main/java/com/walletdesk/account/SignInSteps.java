package com.walletdesk.account;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Component;

/**
 * The steps after the password (API.md "Sign-in steps after the password"): first a password
 * an operator issued must be changed, then the second factor must be proved. Worked out on
 * every request from the account as stored and from what this session has proved, so a step
 * that becomes due mid-session (the refund privilege granted) is asked for at once.
 */
@Component
class SignInSteps {

	/** The session attribute naming the account whose second factor this session has proved. */
	static final String MFA_VERIFIED = SignInSteps.class.getName() + ".mfaVerifiedAccount";

	enum Step {

		PASSWORD_CHANGE_REQUIRED("/account/password", "Change the password an operator issued: POST /api/v1/me/password"),

		MFA_REQUIRED("/account/mfa",
				"Prove the second factor: POST /api/v1/mfa/verify (or enrol: POST /api/v1/mfa/enrolment)");

		final String page;

		final String message;

		Step(String page, String message) {
			this.page = page;
			this.message = message;
		}

	}

	private final MfaService mfa;

	SignInSteps(MfaService mfa) {
		this.mfa = mfa;
	}

	Optional<Step> pending(Account account, HttpSession session) {
		if (account.passwordChangeRequired()) {
			return Optional.of(Step.PASSWORD_CHANGE_REQUIRED);
		}
		if (this.mfa.required(account) && !mfaProved(account, session)) {
			return Optional.of(Step.MFA_REQUIRED);
		}
		return Optional.empty();
	}

	/** The session has proved the second factor of this account; a new session ID marks the step. */
	void mfaProved(HttpServletRequest request, long accountId) {
		HttpSession session = request.getSession();
		session.setAttribute(MFA_VERIFIED, accountId);
		request.changeSessionId();
	}

	/** A fresh password sign-in starts with no step proved (the session may carry an older sign-in's). */
	static void forget(HttpSession session) {
		if (session != null) {
			session.removeAttribute(MFA_VERIFIED);
		}
	}

	private static boolean mfaProved(Account account, HttpSession session) {
		return session != null && Long.valueOf(account.id()).equals(session.getAttribute(MFA_VERIFIED));
	}

	/** What a session with a pending step may still reach: the steps themselves, sign-out, public files. */
	static boolean allowedDuringSteps(String path) {
		return switch (path) {
			case "/api/v1/me/password", "/api/v1/mfa/enrolment", "/api/v1/mfa/enrolment/confirm", "/api/v1/mfa/verify",
					"/account/password", "/logout", "/login", "/error", "/help", "/favicon.ico" ->
				true;
			default -> path.startsWith("/account/mfa") || path.startsWith("/css/") || path.startsWith("/js/")
					|| path.startsWith("/img/") || path.startsWith("/webjars/") || path.startsWith("/account/too-many");
		};
	}

}
