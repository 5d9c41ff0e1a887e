package com.walletdesk.account;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A license switched off ends the session's rights, not the explanation: every later call of
 * that browser gets 403 {@code LICENSE_INACTIVE} (API.md "Operator administration"), pages
 * the license message, and nothing comes back when the license is on again (issue 15, defect 9).
 */
@IntegrationTest
class LicenseOffSessionIT {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Test
	void everyCallAfterTheLicenseWentOffIsToldWhy() {
		MerchantNode group = this.data.group("license", null);
		MerchantNode store = this.data.eurStore(group.id());
		String user = this.data.merchantUser(store.id(), false);
		WebSession session = WebSession.signIn(this.port, user, TestData.PASSWORD);
		assertThat(session.get("/api/v1/me").status()).isEqualTo(200);
		this.data.license(group.id(), false);

		for (String path : new String[] { "/api/v1/me", "/api/v1/transactions", "/api/v1/stores/" + store.id() + "/transactions",
				"/api/v1/me" }) {
			var answer = session.get(path);
			assertThat(answer.status()).as(path + " " + answer).isEqualTo(403);
			assertThat(answer.code()).isEqualTo("LICENSE_INACTIVE");
		}
		var write = session.post("/api/v1/me/password", "{\"currentPassword\":\"a\",\"newPassword\":\"b\"}");
		assertThat(write.status()).as(write.toString()).isEqualTo(403);
		var page = session.get("/");
		assertThat(page.status()).isEqualTo(302);
		assertThat(page.header("Location")).endsWith("/login?license");
		assertThat(session.get("/login?license").status()).as("the sign-in page itself is open").isEqualTo(200);

		this.data.license(group.id(), true);
		var after = session.get("/api/v1/me");
		assertThat(after.status()).as("the rights are gone for good: sign in again").isEqualTo(401);
		assertThat(after.code()).isEqualTo("UNAUTHENTICATED");
	}

}
