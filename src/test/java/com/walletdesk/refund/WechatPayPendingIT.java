package com.walletdesk.refund;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.refund.RefundCheckpoints.SimulatedCrash;
import com.walletdesk.refund.RefundCheckpoints.Step;
import com.walletdesk.support.FakeWechatPay;
import com.walletdesk.support.FakeWechatPay.Mode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestKeys;
import com.walletdesk.support.TestWallets;
import com.walletdesk.support.WalletNotifications;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * WeChat Pay refunds that end after the request: PROCESSING settled by the wallet's notification
 * (an ABNORMAL one flags it for an operator), and a crash between the wallet's answer and our
 * settlement, settled by the reconciler's query without refunding twice.
 */
@IntegrationTest
class WechatPayPendingIT extends RefundFixture {

	static final Duration PAST_THRESHOLD = Duration.ofMinutes(2).plusSeconds(1);

	final FakeWechatPay wechat = FakeWechatPay.get();

	@Autowired
	Refunds refundRepository;

	Shop shop;

	WebSession session;

	@BeforeEach
	void connectTheStore() {
		this.shop = eurShop(this.data);
		WebSession admin = WebSession.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
		assertThat(admin.put("/api/v1/admin/stores/" + this.shop.store().id() + "/wallets/WXP",
				TestWallets.wechatPay("1900000109")).status()).isEqualTo(200);
		this.session = signIn(this.port, this.shop.username());
	}

	@AfterEach
	void resetTheFake() {
		this.wechat.reset();
	}

	String charge() {
		return this.data.tx(this.shop.store()).method("WXP").amount(100_00).save();
	}

	Refund theOnlyRefund(String charge) {
		List<Long> ids = this.jdbc.sql("SELECT id FROM refund WHERE charge_id = :c").param("c", charge).query(Long.class).list();
		assertThat(ids).hasSize(1);
		return this.refundRepository.findById(ids.get(0)).orElseThrow();
	}

	Refund processing(String charge) {
		this.wechat.answerNext(Mode.PROCESSING);
		var response = refund(this.session, charge, "10.00");
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().path("refund").path("status").asString()).isEqualTo("pending");
		return theOnlyRefund(charge);
	}

	@Test
	void processingThenTheNotificationSettlesIt() {
		String charge = charge();
		Refund refund = processing(charge);
		String walletId = this.wechat.refund(refund.walletKey()).id();
		this.wechat.settle(refund.walletKey(), "SUCCESS");

		String body = WalletNotifications.wechatPayBody("1900000109", refund.walletKey(), walletId, "SUCCESS");
		var delivered = WalletNotifications.deliverWechatPay(this.port, body, TestKeys.wallet().getPrivate(), Instant.now());
		assertThat(delivered.statusCode()).as(delivered.body()).isEqualTo(204);

		assertThat(theOnlyRefund(charge).state()).isEqualTo(RefundState.SUCCEEDED);
		assertThat(dashboardRefunds(this.transactions, this.jdbc, charge).get(0).vendorReference()).isEqualTo(walletId);
		// settled: the reconciler (other tests' refunds may be due) neither asks about it nor sends it again
		this.clock.advance(PAST_THRESHOLD);
		this.reconciler.reconcile();
		assertThat(this.wechat.requestsFor(refund.walletKey())).extracting(FakeWechatPay.Request::method)
			.containsExactly("POST");
		assertThat(this.wechat.refundedFor(row(this.transactions, charge).vendorReference())).isEqualTo(10_00);
		assertBooksAgree(this.transactions, this.jdbc, charge);
	}

	@Test
	void processingThenAnAbnormalNotificationFlagsItAndKeepsItReserved() {
		String charge = charge();
		Refund refund = processing(charge);
		String body = WalletNotifications.wechatPayBody("1900000109", refund.walletKey(), "50300111", "ABNORMAL");
		assertThat(WalletNotifications.deliverWechatPay(this.port, body, TestKeys.wallet().getPrivate(), Instant.now())
			.statusCode()).isEqualTo(204);
		assertThat(theOnlyRefund(charge).state()).isEqualTo(RefundState.PENDING);
		assertThat(row(this.transactions, charge).refundPending()).isEqualTo(10_00);
		WebSession admin = WebSession.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
		assertThat(admin.get("/api/v1/admin/refunds?status=attention").body())
			.contains("\"id\":\"" + refund.walletKey() + "\"");
	}

	@ParameterizedTest
	@EnumSource(value = Step.class, names = { "AFTER_WALLET_ANSWER", "BEFORE_SETTLEMENT_COMMIT" })
	void aCrashAfterTheWalletsAnswerIsSettledByTheQueryNotRefundedTwice(Step step) {
		String charge = charge();
		CurrentUser user = this.accounts.currentUser(this.data.accountId(this.shop.username())).orElseThrow();
		RefundCommand command = new RefundCommand("10.00", "crash test");
		String key = key();
		this.checkpoints.crashOnceAt(step);
		assertThatThrownBy(() -> this.refunds.refund(user, charge, command, key)).isInstanceOf(SimulatedCrash.class);

		Refund refund = theOnlyRefund(charge);
		assertThat(refund.state()).isEqualTo(RefundState.PENDING);
		assertThat(this.wechat.refund(refund.walletKey()).status()).as("the wallet applied it").isEqualTo("SUCCESS");
		assertThat(dashboardRefunds(this.transactions, this.jdbc, charge)).isEmpty();

		this.clock.advance(PAST_THRESHOLD);
		this.reconciler.reconcile();

		assertThat(theOnlyRefund(charge).state()).isEqualTo(RefundState.SUCCEEDED);
		assertThat(this.wechat.requestsFor(refund.walletKey())).extracting(FakeWechatPay.Request::method)
			.as("asked, never sent again")
			.containsExactly("POST", "GET");
		assertThat(dashboardRefunds(this.transactions, this.jdbc, charge)).hasSize(1);
		assertThat(dashboardRefunds(this.transactions, this.jdbc, charge).get(0).vendorReference())
			.isEqualTo(this.wechat.refund(refund.walletKey()).id());
		assertThat(this.wechat.refundedFor(row(this.transactions, charge).vendorReference())).isEqualTo(10_00);
		assertBooksAgree(this.transactions, this.jdbc, charge);

		RefundResult replay = this.refunds.refund(user, charge, command, key);
		assertThat(replay.replayed()).isTrue();
		assertThat(replay.refund().status()).isEqualTo(RefundState.SUCCEEDED);
	}

}
