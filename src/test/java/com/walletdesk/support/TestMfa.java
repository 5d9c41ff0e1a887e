package com.walletdesk.support;

import java.time.Clock;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.CodeGenerationException;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Completes the sign-in steps after the password for tests. A password an operator issued is
 * taken as already changed (a test-only write of the flag, so the account keeps signing in with
 * the password the test knows; the forced change itself is proved by PasswordIT). The MFA step
 * is completed as a person with the authenticator app would: it
 * enrols the account on its first sign-in (through the real API) and afterwards computes the
 * current TOTP code from the account's secret. Since a code is accepted only once per 30-second
 * step, and tests sign the same account in many times a minute, it first forgets the account's
 * last used step (a test-only write; the rule itself is proved by MfaIT without this helper).
 * Installed by {@link TestSupportConfig} with the application's database and clock.
 */
public final class TestMfa {

	private static volatile JdbcClient jdbc;

	private static volatile Clock clock;

	private static volatile com.walletdesk.secrets.SecretBox box;

	private TestMfa() {
	}

	/** Done by TestSupportConfig for tests; the benchmark, which starts the application itself, calls it too. */
	public static void install(JdbcClient database, Clock applicationClock) {
		jdbc = database;
		clock = applicationClock;
	}

	/** {@link #install(JdbcClient, Clock)} with the application's sealing of the stored secrets. */
	public static void install(JdbcClient database, Clock applicationClock, com.walletdesk.secrets.SecretBox secrets) {
		install(database, applicationClock);
		box = secrets;
	}

	/** The TOTP code of the secret at the application's current time (RFC 6238, SHA-1, 6 digits, 30 s). */
	public static String code(String secret) {
		return code(secret, Math.floorDiv(clock.instant().getEpochSecond(), 30));
	}

	public static String code(String secret, long step) {
		try {
			return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
		}
		catch (CodeGenerationException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The account's enrolled secret (opened when stored sealed), or null. */
	public static String secretOf(String username) {
		String stored = jdbc.sql("SELECT mfa_secret FROM account WHERE username = :u")
			.param("u", username)
			.query(String.class)
			.optional()
			.orElse(null);
		return com.walletdesk.secrets.SecretBox.isSealed(stored) ? box.open("account.mfa_secret", stored) : stored;
	}

	/**
	 * For a browser test signing in through the pages: the account is made ready (password taken
	 * as changed, enrolled through the real API) and the current code returned, its step forgotten
	 * so the code is accepted once more.
	 */
	public static String codeForBrowserSignIn(int port, String username, String password) {
		WebSession.signIn(port, username, password);
		String user = username.strip().toLowerCase(java.util.Locale.ROOT);
		forgetLastStep(user);
		String secret = secretOf(user);
		return secret == null ? null : code(secret); // null: the account signs in without a second factor
	}

	/** Completes whatever steps the session still has to do; fails the test if one cannot be done. */
	static void completeSteps(WebSession session, String username) {
		String user = username.strip().toLowerCase(java.util.Locale.ROOT);
		for (int round = 0; round < 3; round++) {
			WebSession.Response me = session.get("/api/v1/me");
			if (me.status() == 200) {
				return;
			}
			switch (me.code()) {
				case "PASSWORD_CHANGE_REQUIRED" -> jdbc
					.sql("UPDATE account SET password_change_required = FALSE WHERE username = :u")
					.param("u", user)
					.update();
				case "MFA_REQUIRED" -> complete(session, user);
				default -> throw new AssertionError("sign-in of " + user + " did not complete: " + me);
			}
		}
		throw new AssertionError("sign-in of " + user + " did not complete");
	}

	/** Proves the second factor for a session stopped at the MFA step; enrols first when needed. */
	static void complete(WebSession session, String username) {
		String user = username.strip().toLowerCase(java.util.Locale.ROOT);
		String secret = secretOf(user);
		if (secret == null) {
			WebSession.Response enrolment = session.post("/api/v1/mfa/enrolment", "{}");
			if (enrolment.status() != 200) {
				throw new AssertionError("MFA enrolment of " + user + " failed: " + enrolment);
			}
			secret = enrolment.json().path("secret").asString();
			WebSession.Response confirm = session.post("/api/v1/mfa/enrolment/confirm",
					"{\"code\":\"" + code(secret) + "\"}");
			if (confirm.status() != 200) {
				throw new AssertionError("MFA confirmation of " + user + " failed: " + confirm);
			}
			return;
		}
		forgetLastStep(user);
		WebSession.Response verify = session.post("/api/v1/mfa/verify", "{\"code\":\"" + code(secret) + "\"}");
		if (verify.status() != 204) {
			throw new AssertionError("MFA verification of " + user + " failed: " + verify);
		}
	}

	/** Lets the current code be accepted once more (a test-only write; MfaIT proves the rule itself). */
	private static void forgetLastStep(String username) {
		jdbc.sql("UPDATE account SET mfa_last_step = NULL WHERE username = :u").param("u", username).update();
	}

}
