package com.walletdesk.refund;

import java.time.Duration;
import java.util.List;

import com.walletdesk.support.FakeWechatPay;
import com.walletdesk.support.FakeWechatPay.Mode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestWallets;
import com.walletdesk.support.WebSession;
import com.walletdesk.transaction.TransactionRow;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refunds of a store connected to WeChat Pay Global, against the fake wallet: signed requests
 * with the contract's fields, verified answers, the outcome mapping, and the reconciler's query
 * and re-send under the same out_refund_no.
 */
@IntegrationTest
class WechatPayRefundIT extends RefundFixture {

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
		var saved = admin.put("/api/v1/admin/stores/" + this.shop.store().id() + "/wallets/WXP",
				TestWallets.wechatPay("1900000109"));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		this.session = signIn(this.port, this.shop.username());
	}

	@AfterEach
	void resetTheFake() {
		this.wechat.reset();
	}

	String charge(long amount) {
		return this.data.tx(this.shop.store()).method("WXP").amount(amount).save();
	}

	Refund theOnlyRefund(String charge) {
		List<Long> ids = this.jdbc.sql("SELECT id FROM refund WHERE charge_id = :c").param("c", charge).query(Long.class).list();
		assertThat(ids).hasSize(1);
		return this.refundRepository.findById(ids.get(0)).orElseThrow();
	}

	List<FakeWechatPay.Request> posts(Refund refund) {
		return this.wechat.requestsFor(refund.walletKey()).stream().filter(r -> r.method().equals("POST")).toList();
	}

	@Test
	void aSignedRefundWithTheContractsFieldsSucceeds() {
		String charge = charge(100_00);
		TransactionRow row = row(this.transactions, charge);
		var response = refund(this.session, charge, "12.34");
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.json().path("refund").path("status").asString()).isEqualTo("succeeded");

		Refund refund = theOnlyRefund(charge);
		List<FakeWechatPay.Request> posts = posts(refund);
		assertThat(posts).hasSize(1);
		assertThat(posts.get(0).signatureValid()).isTrue();
		assertThat(posts.get(0).mchid()).isEqualTo("1900000109");
		JsonNode body = posts.get(0).json();
		assertThat(body.path("mchid").asString()).isEqualTo("1900000109");
		assertThat(body.path("appid").asString()).isEqualTo("wxd678efh567hg6787");
		assertThat(body.path("transaction_id").asString()).isEqualTo(row.vendorReference());
		assertThat(body.has("out_trade_no")).isFalse();
		assertThat(body.path("out_refund_no").asString()).isEqualTo(refund.walletKey());
		assertThat(body.path("reason").asString()).isEqualTo("customer returned the goods");
		assertThat(body.path("notify_url").asString()).endsWith("/api/v1/wallets/wechatpay/notify");
		assertThat(body.path("amount").path("refund").isIntegralNumber()).isTrue();
		assertThat(body.path("amount").path("refund").asLong()).isEqualTo(12_34);
		assertThat(body.path("amount").path("total").asLong()).isEqualTo(100_00);
		assertThat(body.path("amount").path("currency").asString()).isEqualTo("EUR");

		String walletRefundId = this.wechat.refund(refund.walletKey()).id();
		List<TransactionRow> dashboard = dashboardRefunds(this.transactions, this.jdbc, charge);
		assertThat(dashboard).hasSize(1);
		assertThat(dashboard.get(0).vendorReference()).isEqualTo(walletRefundId);
		assertBooksAgree(this.transactions, this.jdbc, charge);
	}

	@Test
	void aChargeWithoutTheWalletsIdIsNamedByOutTradeNo() {
		String charge = this.data.tx(this.shop.store()).method("WXP").amount(50_00).vendorReference(null).save();
		assertThat(refund(this.session, charge, "5.00").status()).isEqualTo(201);
		JsonNode body = posts(theOnlyRefund(charge)).get(0).json();
		assertThat(body.path("out_trade_no").asString()).isEqualTo(charge);
		assertThat(body.has("transaction_id")).isFalse();
	}

	@Test
	void notEnoughIsDeclinedWithTheWalletsCodeAndWordsAndReleased() {
		String charge = charge(100_00);
		this.wechat.answerNext(Mode.NOT_ENOUGH);
		var response = refund(this.session, charge, "10.00");
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.code()).isEqualTo("PROVIDER_DECLINED");
		assertThat(response.json().path("detail").asString()).contains("NOT_ENOUGH")
			.contains("refund amount greater than today's overall payment");
		Refund refund = theOnlyRefund(charge);
		assertThat(refund.state()).isEqualTo(RefundState.FAILED);
		assertThat(refund.providerMessage()).startsWith("NOT_ENOUGH: ");
		assertThat(row(this.transactions, charge).remaining()).isEqualTo(100_00);
		assertBooksAgree(this.transactions, this.jdbc, charge);
	}

	@Test
	void closedIsDeclined() {
		String charge = charge(100_00);
		this.wechat.answerNext(Mode.CLOSED);
		var response = refund(this.session, charge, "10.00");
		assertThat(response.code()).isEqualTo("PROVIDER_DECLINED");
		assertThat(theOnlyRefund(charge).providerMessage()).startsWith("CLOSED");
		assertThat(row(this.transactions, charge).remaining()).isEqualTo(100_00);
	}

	@Test
	void processingStaysPendingUntilTheQuerySettlesIt() {
		String charge = charge(100_00);
		this.wechat.answerNext(Mode.PROCESSING);
		var response = refund(this.session, charge, "10.00");
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().path("refund").path("status").asString()).isEqualTo("pending");
		Refund refund = theOnlyRefund(charge);

		this.clock.advance(PAST_THRESHOLD);
		this.reconciler.reconcile();
		assertThat(theOnlyRefund(charge).state()).as("still processing at the wallet").isEqualTo(RefundState.PENDING);

		this.wechat.settle(refund.walletKey(), "SUCCESS");
		this.clock.advance(Duration.ofMinutes(1).plusSeconds(1));
		this.reconciler.reconcile();
		assertThat(theOnlyRefund(charge).state()).isEqualTo(RefundState.SUCCEEDED);
		assertThat(posts(refund)).as("asked, never sent again").hasSize(1);
		assertThat(dashboardRefunds(this.transactions, this.jdbc, charge).get(0).vendorReference())
			.isEqualTo(this.wechat.refund(refund.walletKey()).id());
		assertBooksAgree(this.transactions, this.jdbc, charge);
	}

	@Test
	void aServerErrorIsPendingThenQueriedThenSentAgainUnderTheSameNumber() {
		String charge = charge(100_00);
		this.wechat.answerNext(Mode.SYSTEM_ERROR_500);
		assertThat(refund(this.session, charge, "10.00").json().path("refund").path("status").asString())
			.isEqualTo("pending");
		Refund refund = theOnlyRefund(charge);
		assertThat(this.wechat.refund(refund.walletKey())).as("nothing applied").isNull();

		this.clock.advance(PAST_THRESHOLD);
		this.reconciler.reconcile();
		assertThat(theOnlyRefund(charge).state()).isEqualTo(RefundState.SUCCEEDED);
		List<FakeWechatPay.Request> seen = this.wechat.requestsFor(refund.walletKey());
		assertThat(seen).extracting(FakeWechatPay.Request::method).containsExactly("POST", "GET", "POST");
		assertThat(seen.get(1).pathAndQuery())
			.isEqualTo("/v3/global/refunds/out-refund-no/" + refund.walletKey() + "?mchid=1900000109");
		assertThat(seen.get(0).json().path("out_refund_no").asString())
			.isEqualTo(seen.get(2).json().path("out_refund_no").asString())
			.isEqualTo(refund.walletKey());
		assertThat(this.wechat.refundedFor(row(this.transactions, charge).vendorReference())).isEqualTo(10_00);
		assertBooksAgree(this.transactions, this.jdbc, charge);
	}

	@Test
	void frequencyLimitedIsPending() {
		String charge = charge(100_00);
		this.wechat.answerNext(Mode.FREQUENCY_LIMITED_429);
		assertThat(refund(this.session, charge, "10.00").json().path("refund").path("status").asString())
			.isEqualTo("pending");
	}

	@Test
	void appliedButTheAnswerLostIsSettledByTheQueryNotSentTwice() {
		String charge = charge(100_00);
		this.wechat.answerNext(Mode.APPLY_THEN_500);
		assertThat(refund(this.session, charge, "10.00").json().path("refund").path("status").asString())
			.isEqualTo("pending");
		Refund refund = theOnlyRefund(charge);
		this.clock.advance(PAST_THRESHOLD);
		this.reconciler.reconcile();
		assertThat(theOnlyRefund(charge).state()).isEqualTo(RefundState.SUCCEEDED);
		assertThat(posts(refund)).hasSize(1);
		assertThat(this.wechat.refundedFor(row(this.transactions, charge).vendorReference())).isEqualTo(10_00);
		assertBooksAgree(this.transactions, this.jdbc, charge);
	}

	@Test
	void anAnswerWithABadSignatureIsNoAnswer() {
		String charge = charge(100_00);
		this.wechat.answerNext(Mode.APPLY_BAD_SIGNATURE);
		var response = refund(this.session, charge, "10.00");
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().path("refund").path("status").asString()).as("not a success").isEqualTo("pending");
		assertThat(dashboardRefunds(this.transactions, this.jdbc, charge)).isEmpty();
		this.clock.advance(PAST_THRESHOLD);
		this.reconciler.reconcile();
		assertThat(theOnlyRefund(charge).state()).as("the verified query settles it").isEqualTo(RefundState.SUCCEEDED);
	}

	@Test
	void aTimeOutIsPendingAndTheQuerySettlesIt() {
		String charge = charge(100_00);
		this.wechat.answerNext(Mode.APPLY_THEN_SLOW);
		var response = refund(this.session, charge, "10.00");
		assertThat(response.json().path("refund").path("status").asString()).isEqualTo("pending");
		this.clock.advance(PAST_THRESHOLD);
		this.reconciler.reconcile();
		assertThat(theOnlyRefund(charge).state()).isEqualTo(RefundState.SUCCEEDED);
		assertThat(posts(theOnlyRefund(charge))).hasSize(1);
	}

	@Test
	void abnormalStaysPending() {
		String charge = charge(100_00);
		this.wechat.answerNext(Mode.ABNORMAL);
		assertThat(refund(this.session, charge, "10.00").json().path("refund").path("status").asString())
			.isEqualTo("pending");
		this.clock.advance(PAST_THRESHOLD);
		this.reconciler.reconcile();
		Refund refund = theOnlyRefund(charge);
		assertThat(refund.state()).as("never released by itself").isEqualTo(RefundState.PENDING);
		assertThat(row(this.transactions, charge).refundPending()).isEqualTo(10_00);
		assertThat(posts(refund)).hasSize(1);
	}

}
