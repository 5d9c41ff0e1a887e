package com.walletdesk.web;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The error page says what happened: a refusal is a refusal, not "something went wrong" (issue 15, pages). */
@IntegrationTest
class ErrorPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Test
	void anOperatorPageRefusesAMerchantInWordsOfARefusal() {
		MerchantNode store = this.data.eurStore(this.data.group("pages", null).id());
		WebSession merchant = WebSession.signIn(this.port, this.data.merchantUser(store.id(), false), TestData.PASSWORD);
		for (String path : java.util.List.of("/admin/audit", "/admin/merchants", "/admin/users", "/admin/api-keys",
				"/admin/import")) {
			assertRefusalPage(merchant.get(path));
		}
	}

	@Test
	void anUnknownPageIsNotFoundInItsTitle() {
		var page = WebSession.signIn(this.port, this.data.merchantUser(this.data.group("nf", null).id(), false),
				TestData.PASSWORD).get("/merchants/999999999");
		assertThat(page.status()).isEqualTo(404);
		assertThat(page.body()).contains("<title>Not found</title>").doesNotContain("Something went wrong");
	}

	private static void assertRefusalPage(WebSession.Response page) {
		assertThat(page.status()).isEqualTo(403);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.body()).contains("<title>You are not allowed to open this page</title>")
			.contains("<h1>You are not allowed to open this page</h1>")
			.contains("Your account may not do this.")
			.contains("This is a refusal")
			.doesNotContain("Something went wrong");
	}

	@Test
	void aRejectedPathOnAPageIsTheErrorPageNotJson() {
		var page = WebSession.anonymous(this.port).get("/help;x=1");
		assertThat(page.status()).isEqualTo(400);
		assertThat(page.header("Content-Type")).startsWith("text/html");
		assertThat(page.body()).contains("That request is not valid").doesNotContain("\"timestamp\"");
	}

}
