package com.walletdesk.account.signin;

import com.walletdesk.account.Account;
import com.walletdesk.account.SecurityConfig;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * The steps after the password (API.md "Sign-in steps after the password"): first a password
 * an operator issued must be changed, then the second factor must be proved. Worked out on
 * every request from the account as stored and from what this session has proved, so a step
 * that becomes due mid-session (the refund privilege granted) is asked for at once.
 */
@Component
public class SignInSteps {

	/** {@link SecurityConfig#PUBLIC_PAGES}, parsed: open during a step as they are to anyone. */
	private static final List<PathPattern> PUBLIC_PAGES = Arrays.stream(SecurityConfig.PUBLIC_PAGES)
		.map(PathPatternParser.defaultInstance::parse)
		.toList();

	/** The session attribute naming the account whose second factor this session has proved. */
	static final String MFA_VERIFIED = SignInSteps.class.getName() + ".mfaVerifiedAccount";

	public enum Step {

		PASSWORD_CHANGE_REQUIRED("/account/password", "Change the password an operator issued: POST /api/v1/me/password"),

		MFA_REQUIRED("/account/mfa",
				"Prove the second factor: POST /api/v1/mfa/verify (or enrol: POST /api/v1/mfa/enrolment)");

		public final String page;

		public final String message;

		Step(String page, String message) {
			this.page = page;
			this.message = message;
		}

	}

	private final MfaService mfa;

	SignInSteps(MfaService mfa) {
		this.mfa = mfa;
	}

	public Optional<Step> pending(Account account, HttpSession session) {
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

	/**
	 * What a session with a pending step may still reach: that step's own page and calls,
	 * sign-out and public files. (A password change waits for the second factor: a stolen
	 * password alone must not be able to replace the owner's.)
	 */
	public static boolean allowedDuring(Step step, String path) {
		boolean stepCall = switch (step) {
			case PASSWORD_CHANGE_REQUIRED -> path.equals("/api/v1/me/password") || path.equals("/account/password");
			case MFA_REQUIRED -> path.equals("/api/v1/mfa/enrolment") || path.equals("/api/v1/mfa/enrolment/confirm")
					|| path.equals("/api/v1/mfa/verify") || path.equals("/account/mfa") || path.startsWith("/account/mfa/");
		};
		if (stepCall || path.equals("/logout")) {
			return true;
		}
		PathContainer parsed = PathContainer.parsePath(path);
		return PUBLIC_PAGES.stream().anyMatch(page -> page.matches(parsed));
	}

}
