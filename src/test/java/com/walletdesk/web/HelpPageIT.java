package com.walletdesk.web;

import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class HelpPageIT {

	@LocalServerPort
	int port;

	@Value("${walletdesk.support.email}")
	String supportEmail;

	@Value("${walletdesk.support.phone}")
	String supportPhone;

	@Test
	void helpIsPublicAndAnswersTheMerchantsQuestionsWithTheConfiguredContact() {
		var page = WebSession.anonymous(this.port).get("/help");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body())
			.contains("Why is there no refund button?")
			.contains("refund privilege")
			.contains("All Transactions Search lists every store but never offers refunds")
			.contains("Remaining is zero")
			.contains("00:00 China time (Asia/Shanghai")
			.contains("Refund amount is greater than today")
			.contains("Parent Transaction ID")
			.contains("Terminal ID")
			.contains("href=\"mailto:" + this.supportEmail + "\"")
			.contains(this.supportPhone);
	}

	@Test
	void helpSpeaksPortugueseToAPortugueseBrowser() throws Exception {
		var request = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://127.0.0.1:" + this.port + "/help"))
			.header("Accept-Language", "pt-PT,pt;q=0.9")
			.build();
		String body = java.net.http.HttpClient.newHttpClient()
			.send(request, java.net.http.HttpResponse.BodyHandlers.ofString())
			.body();
		assertThat(body).contains("lang=\"pt-PT\"")
			.contains("Porque não aparece o botão de reembolso?")
			.contains("ID da transação de origem")
			.contains("href=\"mailto:" + this.supportEmail + "\"");
	}

}
