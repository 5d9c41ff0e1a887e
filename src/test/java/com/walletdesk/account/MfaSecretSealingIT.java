package com.walletdesk.account;

import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.TestMfa;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** TOTP secrets are stored sealed; clear ones from before are still read, and sealed at start. */
@IntegrationTest
class MfaSecretSealingIT {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	MfaSecretSealing sealing;

	private String stored(String username) {
		return this.data.jdbc()
			.sql("SELECT mfa_secret FROM account WHERE username = :u")
			.param("u", username)
			.query(String.class)
			.single();
	}

	@Test
	void anEnrolmentIsStoredSealed() {
		String operator = this.data.operator();
		WebSession.signIn(this.port, operator, TestData.PASSWORD);
		String secret = TestMfa.secretOf(operator);
		assertThat(secret).matches("[A-Z2-7]{32}");
		assertThat(stored(operator)).startsWith("v1:").doesNotContain(secret);
	}

	@Test
	void aClearSecretFromBeforeStillSignsInAndIsSealedAtStart() {
		String operator = this.data.operator();
		WebSession.signIn(this.port, operator, TestData.PASSWORD);
		String secret = TestMfa.secretOf(operator);
		// as stored before issue 17
		this.data.jdbc().sql("UPDATE account SET mfa_secret = :s WHERE username = :u")
			.param("s", secret)
			.param("u", operator)
			.update();
		assertThat(stored(operator)).isEqualTo(secret);
		WebSession.signIn(this.port, operator, TestData.PASSWORD).get("/api/v1/me");
		assertThat(WebSession.signIn(this.port, operator, TestData.PASSWORD).get("/api/v1/me").status()).isEqualTo(200);

		assertThat(this.sealing.sealClearSecrets()).isGreaterThanOrEqualTo(1);
		assertThat(stored(operator)).startsWith("v1:");
		assertThat(TestMfa.secretOf(operator)).isEqualTo(secret);
		assertThat(WebSession.signIn(this.port, operator, TestData.PASSWORD).get("/api/v1/me").status()).isEqualTo(200);
		assertThat(this.sealing.sealClearSecrets()).as("idempotent").isZero();
	}

}
