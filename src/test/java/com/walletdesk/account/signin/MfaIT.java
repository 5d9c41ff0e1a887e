package com.walletdesk.account.signin;

import com.walletdesk.account.AccountService;
import com.walletdesk.account.SecurityTestSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.MutableClock;
import com.walletdesk.support.TestData;
import com.walletdesk.support.TestMfa;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 4 section 4: TOTP, enrolment, recovery codes, no way around the second factor. */
@IntegrationTest
class MfaIT {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	private WebSession passwordOnly(String user) {
		WebSession session = SecurityTestSupport.anonymousFrom(this.port, SecurityTestSupport.newAddress());
		var answer = session.submitLogin(user, TestData.PASSWORD);
		assertThat(answer.header("Location")).endsWith("/account/mfa");
		return session;
	}

	private static String code(String code) {
		return "{\"code\":\"" + code + "\"}";
	}

	@Test
	void anOperatorEnrolsByQrCodeAndGetsTenRecoveryCodes() {
		this.clock.set(java.time.Instant.parse("2026-11-28T10:00:05Z"));
		String operator = this.data.operator();
		WebSession session = passwordOnly(operator);

		// nothing but the step calls until the second factor is proved
		var me = session.get("/api/v1/me");
		assertThat(me.status()).isEqualTo(401);
		assertThat(me.code()).isEqualTo("MFA_REQUIRED");
		assertThat(session.get("/api/v1/admin/audit").code()).isEqualTo("MFA_REQUIRED");
		assertThat(session.get("/api/v1/transactions").code()).isEqualTo("MFA_REQUIRED");
		assertThat(session.get("/").header("Location")).endsWith("/account/mfa");
		assertThat(session.get("/admin/audit").header("Location")).endsWith("/account/mfa");
		assertThat(session.getHtmx("/").header("HX-Redirect")).endsWith("/account/mfa");
		assertThat(session.get("/account/mfa").body()).contains("/account/mfa/enrolment");
		// a password alone cannot replace the password: that waits for the second factor
		var change = session.post("/api/v1/me/password",
				"{\"currentPassword\":\"" + TestData.PASSWORD + "\",\"newPassword\":\"Stolen-password-91\"}");
		assertThat(change.status()).isEqualTo(401);
		assertThat(change.code()).isEqualTo("MFA_REQUIRED");
		assertThat(session.post("/api/v1/mfa/recovery-codes", "{}").code()).isEqualTo("MFA_REQUIRED");

		var enrolment = session.post("/api/v1/mfa/enrolment", "{}");
		assertThat(enrolment.status()).isEqualTo(200);
		String secret = enrolment.json().path("secret").asString();
		assertThat(secret).matches("[A-Z2-7]{32}");
		assertThat(enrolment.json().path("otpauthUri").asString()).startsWith("otpauth://totp/")
			.contains("secret=" + secret)
			.contains("issuer=Walletdesk")
			.contains("digits=6")
			.contains("period=30");
		// the page shows the pending enrolment as a QR code (an image, allowed by the CSP's img-src data:)
		assertThat(session.get("/account/mfa").body()).contains("src=\"data:image/png;base64,").contains(secret);

		var wrong = session.post("/api/v1/mfa/enrolment/confirm", code("000000"));
		assertThat(wrong.status()).isEqualTo(401);
		assertThat(wrong.code()).isEqualTo("MFA_INVALID_CODE");

		var confirmed = session.post("/api/v1/mfa/enrolment/confirm", code(TestMfa.code(secret)));
		assertThat(confirmed.status()).isEqualTo(200);
		List<String> recovery = new ArrayList<>();
		confirmed.json().path("recoveryCodes").forEach(c -> recovery.add(c.asString()));
		assertThat(recovery).hasSize(10).doesNotHaveDuplicates();
		assertThat(session.get("/api/v1/me").status()).isEqualTo(200);

		// stored hashed: no recovery code in the database
		List<String> stored = this.jdbc.sql("SELECT code_hash FROM mfa_recovery_code WHERE account_id = :id")
			.param("id", this.data.accountId(operator))
			.query(String.class)
			.list();
		assertThat(stored).hasSize(10).allMatch(h -> h.matches("[0-9a-f]{64}"));
		assertThat(stored).doesNotContainAnyElementsOf(recovery);
		assertThat(SecurityTestSupport.auditOutcomes(this.jdbc, operator, "MFA_CHANGE")).contains("ENROLLED");
	}

	@Test
	void aCodeWorksOnceAndARecoveryCodeOnce() {
		this.clock.set(java.time.Instant.parse("2026-11-28T11:00:05Z"));
		String operator = this.data.operator();
		WebSession first = passwordOnly(operator);
		String secret = first.post("/api/v1/mfa/enrolment", "{}").json().path("secret").asString();
		var confirmed = first.post("/api/v1/mfa/enrolment/confirm", code(TestMfa.code(secret)));
		String recoveryCode = confirmed.json().path("recoveryCodes").get(0).asString();

		// the same code (same 30-second step) again, in another session: refused
		WebSession second = passwordOnly(operator);
		var replay = second.post("/api/v1/mfa/verify", code(TestMfa.code(secret)));
		assertThat(replay.status()).isEqualTo(401);
		assertThat(replay.code()).isEqualTo("MFA_INVALID_CODE");
		assertThat(second.get("/api/v1/me").code()).isEqualTo("MFA_REQUIRED");

		// the next step's code is accepted (clock drift allowance), once
		long next = Math.floorDiv(this.clock.instant().getEpochSecond(), 30) + 1;
		assertThat(second.post("/api/v1/mfa/verify", code(TestMfa.code(secret, next))).status()).isEqualTo(204);
		assertThat(second.get("/api/v1/me").status()).isEqualTo(200);

		this.clock.advance(Duration.ofSeconds(30)); // now the "next" step is the current one: already used
		WebSession third = passwordOnly(operator);
		assertThat(third.post("/api/v1/mfa/verify", code(TestMfa.code(secret))).code()).isEqualTo("MFA_INVALID_CODE");

		// a recovery code, with or without its dash, works exactly once
		assertThat(third.post("/api/v1/mfa/verify", code(recoveryCode.toUpperCase())).status()).isEqualTo(204);
		assertThat(third.get("/api/v1/me").status()).isEqualTo(200);
		WebSession fourth = passwordOnly(operator);
		assertThat(fourth.post("/api/v1/mfa/verify", code(recoveryCode)).code()).isEqualTo("MFA_INVALID_CODE");
		assertThat(SecurityTestSupport.auditOutcomes(this.jdbc, operator, "MFA_CHANGE")).contains("RECOVERY_CODE_USED");

		// new recovery codes need a fresh code from the app; the old ones stop working
		this.clock.advance(Duration.ofSeconds(30));
		assertThat(third.post("/api/v1/mfa/recovery-codes", "{}").code()).isEqualTo("MFA_INVALID_CODE");
		var fresh = third.post("/api/v1/mfa/recovery-codes", code(TestMfa.code(secret)));
		assertThat(fresh.status()).isEqualTo(200);
		assertThat(fresh.json().path("recoveryCodes").size()).isEqualTo(10);
		String oldUnused = confirmed.json().path("recoveryCodes").get(1).asString();
		WebSession fifth = passwordOnly(operator);
		assertThat(fifth.post("/api/v1/mfa/verify", code(oldUnused)).code()).isEqualTo("MFA_INVALID_CODE");
		assertThat(fifth.post("/api/v1/mfa/verify", code(fresh.json().path("recoveryCodes").get(0).asString())).status())
			.isEqualTo(204);
	}

	@Test
	void requiredForRefundersNotForOtherMerchantsAndAskedForAtOnceWhenTheRightIsGranted() {
		MerchantNode group = this.data.group("group", null);
		String refunder = this.data.merchantUser(group.id(), true);
		passwordOnly(refunder); // stops at the MFA step

		String viewer = this.data.merchantUser(group.id(), false);
		WebSession session = SecurityTestSupport.anonymousFrom(this.port, SecurityTestSupport.newAddress());
		assertThat(session.submitLogin(viewer, TestData.PASSWORD).header("Location")).matches(".*/$");
		assertThat(session.get("/api/v1/me").status()).isEqualTo(200);

		this.accounts.update(this.data.accountId(viewer), new AccountService.AccountChange(true, null, null));
		var me = session.get("/api/v1/me");
		assertThat(me.status()).as("granted the refund privilege: MFA before anything else").isEqualTo(401);
		assertThat(me.code()).isEqualTo("MFA_REQUIRED");
	}

	@Test
	void theTestHelperCompletesTheStepSoOneLineSignsInAnyAccount() {
		String operator = this.data.operator();
		WebSession first = WebSession.signIn(this.port, operator, TestData.PASSWORD);
		WebSession again = WebSession.signIn(this.port, operator, TestData.PASSWORD);
		assertThat(first.get("/api/v1/me").status()).isEqualTo(200);
		assertThat(again.get("/api/v1/me").status()).isEqualTo(200);
		// an account fresh from an operator (password change and MFA both due): one line as well
		MerchantNode group = this.data.group("group", null);
		String issued = TestData.unique("issued-refunder").toLowerCase();
		this.accounts.create(new AccountService.NewAccount(issued, TestData.PASSWORD, "MERCHANT", group.id(), true));
		assertThat(WebSession.signIn(this.port, issued, TestData.PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
		assertThat(WebSession.signIn(this.port, "admin", com.walletdesk.support.IntegrationTest.ADMIN_PASSWORD)
			.get("/api/v1/me")
			.json()
			.path("role")
			.asString()).isEqualTo("OPERATOR");
	}

	@Test
	void anOperatorResetsALostAuthenticatorAndWrongCodesLeadToTheLockOut() {
		String operator = this.data.operator();
		WebSession.signIn(this.port, operator, TestData.PASSWORD); // enrolled by the helper
		WebSession admin = WebSession.signIn(this.port, "admin", com.walletdesk.support.IntegrationTest.ADMIN_PASSWORD);
		assertThat(admin.delete("/api/v1/admin/users/" + this.data.accountId(operator) + "/mfa").status()).isEqualTo(204);
		assertThat(TestMfa.secretOf(operator)).isNull();
		WebSession session = passwordOnly(operator);
		assertThat(session.post("/api/v1/mfa/verify", code("123456")).code()).isEqualTo("MFA_INVALID_CODE");
		assertThat(session.post("/api/v1/mfa/enrolment", "{}").status()).isEqualTo(200);

		for (int i = 0; i < 10; i++) {
			session.post("/api/v1/mfa/enrolment/confirm", code("000000"));
		}
		assertThat(SecurityTestSupport.auditOutcomes(this.jdbc, operator, "LOCKED_OUT")).containsExactly("LOCKED");
		assertThat(this.jdbc.sql("SELECT locked_until FROM account WHERE username = :u")
			.param("u", operator)
			.query(java.time.OffsetDateTime.class)
			.single()).isNotNull();
	}

}
