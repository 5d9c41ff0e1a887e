package com.walletdesk.account.password;

import com.walletdesk.account.AccountService;
import com.walletdesk.account.SecurityTestSupport;
import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 4 section 1: passwords, and the forced change of an operator-issued password. */
@IntegrationTest
class PasswordIT {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	/** An account as an operator creates it: its password must be changed at the first sign-in. */
	private String operatorIssuedUser() {
		MerchantNode group = this.data.group("group", null);
		String username = TestData.unique("issued").toLowerCase();
		this.accounts.create(new AccountService.NewAccount(username, TestData.PASSWORD, "MERCHANT", group.id(), false));
		return username;
	}

	private WebSession signInAt(String username, String password) {
		WebSession session = SecurityTestSupport.anonymousFrom(this.port, SecurityTestSupport.newAddress());
		var answer = session.submitLogin(username, password);
		assertThat(answer.status()).isEqualTo(302);
		assertThat(answer.header("Location")).endsWith("/account/password");
		return session;
	}

	private static String change(String current, String next) {
		return "{\"currentPassword\":\"" + current + "\",\"newPassword\":\"" + next + "\"}";
	}

	@Test
	void anOperatorIssuedPasswordMustBeChangedBeforeAnythingElse() {
		String user = operatorIssuedUser();
		WebSession session = signInAt(user, TestData.PASSWORD);

		var me = session.get("/api/v1/me");
		assertThat(me.status()).isEqualTo(401);
		assertThat(me.code()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
		assertThat(session.get("/api/v1/transactions").code()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
		var page = session.get("/");
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.header("Location")).endsWith("/account/password");
		assertThat(session.get("/account/password").body()).contains("name=\"newPassword\"");

		var changed = session.post("/api/v1/me/password", change(TestData.PASSWORD, "Fresh-harbour-42"));
		assertThat(changed.status()).isEqualTo(204);
		assertThat(session.get("/api/v1/me").status()).isEqualTo(200);
		assertThat(this.jdbc.sql("SELECT password_change_required FROM account WHERE username = :u")
			.param("u", user)
			.query(Boolean.class)
			.single()).isFalse();
		// the next sign-in goes straight in: no step left (WebSession.signIn would clear the flag itself)
		WebSession next = SecurityTestSupport.anonymousFrom(this.port, SecurityTestSupport.newAddress());
		var signedIn = next.submitLogin(user, "Fresh-harbour-42");
		assertThat(signedIn.status()).isEqualTo(302);
		assertThat(signedIn.header("Location")).endsWith("/").doesNotContain("/account/");
		assertThat(next.get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void thePageChangesThePasswordAndGoesOnToTheDashboard() {
		String user = operatorIssuedUser();
		WebSession session = signInAt(user, TestData.PASSWORD);
		assertThat(session.get("/account/password").status()).isEqualTo(200); // the page sets XSRF-TOKEN
		var mismatch = session.form("/account/password", java.util.Map.of("currentPassword", TestData.PASSWORD,
				"newPassword", "Quiet-orchard-17", "confirmPassword", "Quiet-orchard-18", "_csrf", session.xsrfToken()));
		assertThat(mismatch.status()).isEqualTo(200);
		assertThat(mismatch.body()).contains("The two new passwords are not the same.");
		var common = session.form("/account/password", java.util.Map.of("currentPassword", TestData.PASSWORD,
				"newPassword", "Password123456", "confirmPassword", "Password123456", "_csrf", session.xsrfToken()));
		assertThat(common.body()).contains("This password is not strong enough");
		var done = session.form("/account/password", java.util.Map.of("currentPassword", TestData.PASSWORD,
				"newPassword", "Quiet-orchard-17", "confirmPassword", "Quiet-orchard-17", "_csrf", session.xsrfToken()));
		assertThat(done.status()).isEqualTo(302);
		assertThat(done.header("Location")).matches(".*/$");
		assertThat(session.get("/").status()).isEqualTo(200);
	}

	@Test
	void refusesWeakCommonAndRecentPasswordsAndAWrongCurrentOne() {
		String user = operatorIssuedUser();
		WebSession session = signInAt(user, TestData.PASSWORD);
		var wrong = session.post("/api/v1/me/password", change("Not-the-current-1", "Fresh-harbour-42"));
		assertThat(wrong.status()).isEqualTo(400);
		assertThat(wrong.code()).isEqualTo("INVALID_CURRENT_PASSWORD");
		var shortOne = session.post("/api/v1/me/password", change(TestData.PASSWORD, "Short-pw-1"));
		assertThat(shortOne.code()).isEqualTo("WEAK_PASSWORD");
		assertThat(shortOne.json().path("fields").path("password").asString()).contains("12 to 128");
		var noDigit = session.post("/api/v1/me/password", change(TestData.PASSWORD, "No-digits-at-all"));
		assertThat(noDigit.code()).isEqualTo("WEAK_PASSWORD");
		var common = session.post("/api/v1/me/password", change(TestData.PASSWORD, "qwerty1234567"));
		assertThat(common.code()).isEqualTo("WEAK_PASSWORD");
		assertThat(common.json().path("fields").path("password").asString()).contains("too common");
		var same = session.post("/api/v1/me/password", change(TestData.PASSWORD, TestData.PASSWORD));
		assertThat(same.code()).isEqualTo("PASSWORD_REUSED");
		var sixtyFour = "Sixty-four-" + "x7".repeat(25) + "-ok";
		assertThat(sixtyFour).hasSize(64);
		assertThat(session.post("/api/v1/me/password", change(TestData.PASSWORD, sixtyFour)).status()).isEqualTo(204);
	}

	@Test
	void noneOfTheLastFourPasswordsMayComeBack() {
		String user = operatorIssuedUser();
		WebSession session = signInAt(user, TestData.PASSWORD);
		String[] passwords = { TestData.PASSWORD, "Second-lantern-2", "Third-lantern-3", "Fourth-lantern-4",
				"Fifth-lantern-5" };
		for (int i = 1; i < passwords.length; i++) {
			assertThat(session.post("/api/v1/me/password", change(passwords[i - 1], passwords[i])).status())
				.isEqualTo(204);
		}
		String current = passwords[4];
		for (int i = 1; i <= 4; i++) { // the current one and the three before it
			var reused = session.post("/api/v1/me/password", change(current, passwords[i]));
			assertThat(reused.code()).as("password %d", i).isEqualTo("PASSWORD_REUSED");
		}
		// the first one is five passwords back: allowed again
		assertThat(session.post("/api/v1/me/password", change(current, passwords[0])).status()).isEqualTo(204);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM password_history h JOIN account a ON a.id = h.account_id "
				+ "WHERE a.username = :u").param("u", user).query(Long.class).single()).isEqualTo(4);
		assertThat(this.jdbc.sql("SELECT password_hash FROM account WHERE username = :u")
			.param("u", user)
			.query(String.class)
			.single()).startsWith("{bcrypt}");
	}

	@Test
	void aPasswordResetByAnOperatorMustBeChangedAgainAndEndsTheSessions() {
		MerchantNode group = this.data.group("group", null);
		String user = this.data.merchantUser(group.id(), false);
		WebSession before = WebSession.signIn(this.port, user, TestData.PASSWORD);
		long id = this.data.accountId(user);

		this.accounts.update(id, new AccountService.AccountChange(null, null, "Reset-by-operator-9"));

		assertThat(before.get("/api/v1/me").status()).isEqualTo(401);
		WebSession after = signInAt(user, "Reset-by-operator-9");
		assertThat(after.get("/api/v1/me").code()).isEqualTo("PASSWORD_CHANGE_REQUIRED");
	}

	@Test
	void changingTheOwnPasswordEndsTheOtherSessionsButNotThisOne() {
		MerchantNode group = this.data.group("group", null);
		String user = this.data.merchantUser(group.id(), false);
		WebSession other = WebSession.signIn(this.port, user, TestData.PASSWORD);
		WebSession mine = WebSession.signIn(this.port, user, TestData.PASSWORD);
		assertThat(mine.post("/api/v1/me/password", change(TestData.PASSWORD, "Moving-river-88")).status())
			.isEqualTo(204);
		assertThat(mine.get("/api/v1/me").status()).isEqualTo(200);
		assertThat(other.get("/api/v1/me").status()).isEqualTo(401);
	}

}
