package com.walletdesk.paylink;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.DayTotalsCheck;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.PostgresOnly;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.RepeatedTest;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many payers pressing "Pay" on one link at the same instant, on PostgreSQL (row locks as in
 * production): exactly one payment is recorded, every other answer is 410, and the store's day
 * totals hold that one charge.
 */
@IntegrationTest
@PostgresOnly
class PayOnceConcurrencyIT {

	static final int PAYERS = 8;

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@RepeatedTest(3)
	void aLinkPaysOnceWhateverTheConcurrentPresses() throws Exception {
		MerchantNode store = this.data.eurStore(this.data.group("group", null).id());
		WebSession merchant = WebSession.signIn(this.port, this.data.merchantUser(store.id(), false), TestData.PASSWORD);
		String reference = TestData.unique("PBL");
		String url = merchant.post("/api/v1/stores/" + store.id() + "/payment-links",
				"{\"amount\":\"99.99\",\"reference\":\"" + reference + "\"}").json().path("url").asString();
		String token = url.substring(url.lastIndexOf('/') + 1);

		// each payer has its own browser: the page first (its CSRF cookie), then all press at once
		List<WebSession> payers = new ArrayList<>();
		for (int i = 0; i < PAYERS; i++) {
			WebSession payer = WebSession.anonymous(this.port);
			assertThat(payer.get("/pay/" + token).status()).isEqualTo(200);
			payers.add(payer);
		}
		ExecutorService pool = Executors.newFixedThreadPool(PAYERS);
		CountDownLatch go = new CountDownLatch(1);
		List<Future<Integer>> answers = new ArrayList<>();
		try {
			for (WebSession payer : payers) {
				answers.add(pool.submit(() -> {
					go.await();
					return payer.form("/pay/" + token, Map.of("method", "ALP", "_csrf", payer.xsrfToken())).status();
				}));
			}
			go.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> answer : answers) {
				statuses.add(answer.get(60, TimeUnit.SECONDS));
			}
			assertThat(statuses).as("one payment, the others refused as paid").containsOnly(200, 410);
			assertThat(statuses.stream().filter(s -> s == 200).count()).isEqualTo(1);
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(this.data.jdbc()
			.sql("SELECT COUNT(*) FROM wallet_transaction WHERE store_id = :s AND reference = :r AND type = 'charge'")
			.param("s", store.id())
			.param("r", reference)
			.query(Long.class)
			.single()).isEqualTo(1);
		assertThat(this.data.jdbc()
			.sql("SELECT sales FROM transaction_day_total WHERE store_id = :s")
			.param("s", store.id())
			.query(Long.class)
			.single()).isEqualTo(99_99);
		DayTotalsCheck.assertAgree(this.data.jdbc(), store.id());
	}

}
