package com.walletdesk.ingest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A transaction's amount has an upper bound (10,000,000.00 EUR; docs/api-requests.md), and a
 * store's day totals take whatever is accepted without overflowing (issue 15, defect 5).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IngestAmountLimitIT {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	WebSession admin;

	@BeforeAll
	void signIn() {
		this.admin = WebSession.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
	}

	@Test
	void aBatchOfHugeChargesIsRefusedAsInvalidAmountAndStoresNothing() {
		MerchantNode store = this.data.eurStore(this.data.group("huge", null).id());
		var answer = this.admin.post("/api/v1/ingest/transactions", batch(store, "999999999999999.99", "EUR", 100));
		assertThat(answer.status()).as(answer.toString()).isEqualTo(422);
		assertThat(answer.code()).isEqualTo("INVALID_AMOUNT");
		assertThat(answer.json().path("fields").path("items[0].amount").asString()).contains("10000000.00");
		assertThat(storedIn(store)).isZero();
	}

	@Test
	void theLargestAmountIsAcceptedOverAndOverWithoutOverflow() {
		MerchantNode store = this.data.eurStore(this.data.group("largest", null).id());
		for (int i = 0; i < 3; i++) {
			var answer = this.admin.post("/api/v1/ingest/transactions", batch(store, "10000000.00", "EUR", 1000));
			assertThat(answer.status()).as(answer.toString()).isEqualTo(201);
		}
		assertThat(storedIn(store)).isEqualTo(3000);
		assertThat(this.admin.post("/api/v1/ingest/transactions", batch(store, "10000000.01", "EUR", 1)).code())
			.isEqualTo("INVALID_AMOUNT");
		assertThat(this.admin.post("/api/v1/ingest/transactions", batch(store, "10000000.00", "EUR", 1)).status())
			.as("the store's later charges still go in").isEqualTo(201);
	}

	@Test
	void theTipHasTheSameBound() {
		MerchantNode store = this.data.eurStore(this.data.group("tip", null).id());
		String item = "{\"storeId\":\"" + store.id() + "\",\"type\":\"charge\",\"method\":\"ALP\",\"channel\":\"APP\","
				+ "\"amount\":\"1.00\",\"tip\":\"10000000.01\",\"currency\":\"EUR\",\"createdAt\":\"" + at() + "\"}";
		var answer = this.admin.post("/api/v1/ingest/transactions", item);
		assertThat(answer.status()).isEqualTo(422);
		assertThat(answer.json().path("fields").has("tip")).isTrue();
	}

	private long storedIn(MerchantNode store) {
		return this.jdbc.sql("SELECT COUNT(*) FROM wallet_transaction WHERE store_id = :s").param("s", store.id())
			.query(Long.class).single();
	}

	private static String at() {
		return Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
	}

	private static String batch(MerchantNode store, String amount, String currency, int count) {
		StringBuilder json = new StringBuilder("{\"items\":[");
		String at = at();
		for (int i = 0; i < count; i++) {
			json.append(i == 0 ? "" : ",")
				.append("{\"storeId\":\"").append(store.id())
				.append("\",\"type\":\"charge\",\"method\":\"WXP\",\"channel\":\"APP\",\"amount\":\"").append(amount)
				.append("\",\"currency\":\"").append(currency).append("\",\"createdAt\":\"").append(at).append("\"}");
		}
		return json.append("]}").toString();
	}

}
