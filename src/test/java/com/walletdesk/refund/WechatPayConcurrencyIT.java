package com.walletdesk.refund;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import com.walletdesk.support.FakeWechatPay;
import com.walletdesk.support.FakeWechatPay.Mode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.PostgresOnly;
import com.walletdesk.support.TestWallets;
import com.walletdesk.support.WebSession;
import com.walletdesk.transaction.TransactionRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariant 1 through a live adapter: 200 refunds of one charge at once, each a signed call to the
 * fake WeChat Pay (some answered with errors, some applied with the answer lost), never exceed the
 * charge, here or at the wallet, before or after the reconciler has settled the pending ones.
 */
@IntegrationTest
@PostgresOnly
class WechatPayConcurrencyIT extends RefundFixture {

	static final Instant NOON_CHINA = Instant.parse("2026-11-26T04:00:00Z");

	final FakeWechatPay wechat = FakeWechatPay.get();

	Shop shop;

	List<WebSession> sessions;

	@BeforeEach
	void connectTheStore() {
		this.clock.set(NOON_CHINA);
		this.wechat.now = this.clock::instant;
		this.shop = eurShop(this.data);
		WebSession admin = WebSession.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
		assertThat(admin.put("/api/v1/admin/stores/" + this.shop.store().id() + "/wallets/WXP",
				TestWallets.wechatPay("1900000109")).status()).isEqualTo(200);
		// a few browsers of the same refunder, each used by many threads at once
		this.sessions = IntStream.range(0, 8).mapToObj(i -> signIn(this.port, this.shop.username())).toList();
	}

	@AfterEach
	void resetTheFake() {
		this.wechat.reset();
	}

	@Test
	void twoHundredRefundsAtOnceNeverExceedTheChargeHereOrAtTheWallet() {
		String charge = this.data.tx(this.shop.store()).method("WXP").amount(100_00).at(NOON_CHINA.minusSeconds(600)).save();
		String walletCharge = row(this.transactions, charge).vendorReference();
		// among the first answers: errors (not applied) and lost answers (applied): both pending
		this.wechat.answerNext(Mode.SYSTEM_ERROR_500, Mode.APPLY_THEN_500, Mode.SYSTEM_ERROR_500, Mode.APPLY_THEN_500,
				Mode.FREQUENCY_LIMITED_429, Mode.APPLY_THEN_500, Mode.SYSTEM_ERROR_500, Mode.APPLY_THEN_500);

		List<WebSession.Response> responses = Concurrently.run(200,
				i -> refund(this.sessions.get(i % this.sessions.size()), charge, "0.70"));

		Map<String, Long> outcomes = RefundConcurrencyIT.count(responses);
		assertThat(outcomes.keySet()).isSubsetOf("201", "NOT_REFUNDABLE", "REFUND_EXCEEDS_REMAINING");
		// 142 x 0.70 = 99.40 fits in 100.00, the 143rd does not
		assertThat(outcomes.get("201")).isEqualTo(142L);
		TransactionRow during = row(this.transactions, charge);
		assertThat(during.refunded() + during.refundPending()).isEqualTo(99_40);
		assertThat(this.wechat.refundedFor(walletCharge)).as("the wallet, before reconciliation")
			.isLessThanOrEqualTo(100_00)
			.isLessThanOrEqualTo(during.refunded() + during.refundPending());
		assertBooksAgree(this.transactions, this.jdbc, charge);

		this.clock.advance(Duration.ofMinutes(3));
		this.reconciler.reconcile();

		TransactionRow after = row(this.transactions, charge);
		assertThat(after.refundPending()).as("every pending one settled").isZero();
		assertThat(after.refunded()).isEqualTo(99_40);
		assertThat(refundRows(this.jdbc, charge, "succeeded")).isEqualTo(142);
		assertThat(this.wechat.refundedFor(walletCharge)).as("the wallet applied exactly what we booked")
			.isEqualTo(after.refunded())
			.isLessThanOrEqualTo(100_00);
		List<FakeWechatPay.Request> posts = this.wechat.requests()
			.stream()
			.filter(r -> r.method().equals("POST") && r.body().contains("\"" + walletCharge + "\""))
			.toList();
		assertThat(posts).allMatch(FakeWechatPay.Request::signatureValid);
		assertThat(posts.stream().map(r -> r.json().path("out_refund_no").asString()).distinct())
			.as("one out_refund_no per refund, each sent again only when the wallet had not applied it")
			.hasSize(142);
		assertThat(posts).as("142 refunds, 4 sent again after an error").hasSize(146);
		assertBooksAgree(this.transactions, this.jdbc, charge);
	}

}
