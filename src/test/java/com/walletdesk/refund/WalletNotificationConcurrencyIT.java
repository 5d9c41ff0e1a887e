package com.walletdesk.refund;

import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.walletdesk.support.FakeWechatPay;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.PostgresOnly;
import com.walletdesk.support.TestKeys;
import com.walletdesk.support.TestWallets;
import com.walletdesk.support.WalletNotifications;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The same WeChat Pay notification delivered several times at once settles the refund once. */
@IntegrationTest
@PostgresOnly
class WalletNotificationConcurrencyIT extends RefundFixture {

	@AfterEach
	void resetTheFake() {
		FakeWechatPay.get().reset();
	}

	@Test
	void duplicatesAtOnceSettleOnce() throws Exception {
		Shop shop = eurShop(this.data);
		WebSession admin = WebSession.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
		assertThat(admin.put("/api/v1/admin/stores/" + shop.store().id() + "/wallets/WXP",
				TestWallets.wechatPay("1900000109")).status()).isEqualTo(200);
		WebSession session = signIn(this.port, shop.username());
		for (int round = 0; round < 5; round++) {
			String charge = this.data.tx(shop.store()).method("WXP").amount(100_00).save();
			FakeWechatPay.get().answerNext(FakeWechatPay.Mode.PROCESSING);
			assertThat(refund(session, charge, "10.00").json().path("refund").path("status").asString())
				.isEqualTo("pending");
			long refundId = this.jdbc.sql("SELECT id FROM refund WHERE charge_id = :c").param("c", charge)
				.query(Long.class).single();
			String body = WalletNotifications.wechatPayBody("1900000109", String.valueOf(refundId), "5030" + round,
					"SUCCESS");
			int deliveries = 4;
			CountDownLatch start = new CountDownLatch(1);
			ExecutorService pool = Executors.newFixedThreadPool(deliveries);
			try {
				Callable<HttpResponse<String>> deliver = () -> {
					start.await();
					return WalletNotifications.deliverWechatPay(this.port, body, TestKeys.wallet().getPrivate(),
							Instant.now());
				};
				List<Future<HttpResponse<String>>> results = new java.util.ArrayList<>();
				for (int i = 0; i < deliveries; i++) {
					results.add(pool.submit(deliver));
				}
				start.countDown();
				for (Future<HttpResponse<String>> result : results) {
					assertThat(result.get().statusCode()).as(result.get().body()).isEqualTo(204);
				}
			}
			finally {
				pool.shutdownNow();
			}
			assertThat(dashboardRefunds(this.transactions, this.jdbc, charge)).hasSize(1);
			assertThat(refundRows(this.jdbc, charge, "succeeded")).isEqualTo(1);
			List<String> outcomes = this.jdbc
				.sql("SELECT outcome FROM audit_event WHERE type = 'WALLET_NOTIFICATION' AND resource = :r")
				.param("r", "refund:" + refundId)
				.query(String.class)
				.list();
			assertThat(outcomes).hasSize(deliveries).containsOnlyOnce("SETTLED");
			assertBooksAgree(this.transactions, this.jdbc, charge);
		}
	}

}
