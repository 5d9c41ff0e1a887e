package com.walletdesk.account.web;

import java.util.List;
import java.util.Map;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.TestMfa;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The account's own pages are in the user menu of every page (issue 15, pages), and they work from there. */
@IntegrationTest
class AccountMenuIT {

	static final List<String> ACCOUNT_LINKS = List.of("href=\"/account/password\"", "href=\"/account/mfa\"",
			"href=\"/account/recovery-codes\"");

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Test
	void everyPagesUserMenuLinksToTheAccountsOwnPages() {
		MerchantNode store = this.data.eurStore(this.data.group("menu", null).id());
		WebSession session = WebSession.signIn(this.port, this.data.merchantUser(store.id(), false), TestData.PASSWORD);

		for (String path : List.of("/", "/stores/" + store.id(), "/stores/" + store.id() + "/transactions",
				"/transactions", "/help", "/account/password", "/admin/audit", "/stores/999999999")) {
			String menu = userMenu(session.get(path).body());
			assertThat(menu).as(path).contains(ACCOUNT_LINKS).contains("Change password").contains("Second factor")
				.contains("Recovery codes");
		}
		assertThat(session.get("/account/password").status()).isEqualTo(200);
		assertThat(session.get("/account/mfa").status()).isEqualTo(200);
		var codes = session.get("/account/recovery-codes");
		assertThat(codes.status()).isEqualTo(200);
		assertThat(codes.body()).as("no second factor yet").contains("This account has no second factor yet.");
	}

	@Test
	void newRecoveryCodesNeedAFreshCodeFromTheAuthenticator() {
		MerchantNode store = this.data.eurStore(this.data.group("codes", null).id());
		String user = this.data.merchantUser(store.id(), true); // a refunder: enrolled at its first sign-in
		WebSession session = WebSession.signIn(this.port, user, TestData.PASSWORD);
		assertThat(session.get("/account/recovery-codes").body()).contains("id=\"code\"");

		var wrong = session.formWithCsrf("/account/recovery-codes", Map.of("code", "000000"));
		assertThat(wrong.status()).isEqualTo(302);
		assertThat(wrong.header("Location")).endsWith("/account/recovery-codes?error");

		String code = TestMfa.codeForBrowserSignIn(this.port, user, TestData.PASSWORD);
		var made = session.formWithCsrf("/account/recovery-codes", Map.of("code", code));
		assertThat(made.status()).isEqualTo(200);
		assertThat(made.body()).contains("Your recovery codes").contains("<ol class=\"recovery-codes\">");
	}

	private static String userMenu(String html) {
		int start = html.indexOf("<details class=\"user-menu\"");
		assertThat(start).as("a user menu").isGreaterThan(0);
		return html.substring(start, html.indexOf("</details>", start));
	}

}
