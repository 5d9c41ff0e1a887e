package com.walletdesk.refund;

import java.time.Duration;
import java.util.List;

import com.walletdesk.support.FakeAntom;
import com.walletdesk.support.FakeAntom.Mode;
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

/** Refunds of a store connected to Antom, against the fake: S / F / U, inquiry, re-send, verification. */
@IntegrationTest
class AntomRefundIT extends RefundFixture {

	static final Duration PAST_THRESHOLD = Duration.ofMinutes(2).plusSeconds(1);

	final FakeAntom antom = FakeAntom.get();

	@Autowired
	Refunds refundRepository;

	Shop shop;

	WebSession session;

	@BeforeEach
	void connectTheStore() {
		this.shop = eurShop(this.data);
		WebSession admin = WebSession.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
		var saved = admin.put("/api/v1/admin/stores/" + this.shop.store().id() + "/wallets/ALP",
				TestWallets.antom(FakeAntom.CLIENT_ID));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);
		this.session = signIn(this.port, this.shop.username());
	}

	@AfterEach
	void resetTheFake() {
		this.antom.reset();
	}

	String charge(long amount) {
		return this.data.tx(this.shop.store()).method("ALP").amount(amount).save();
	}

	Refund theOnlyRefund(String charge) {
		List<Long> ids = this.jdbc.sql("SELECT id FROM refund WHERE charge_id = :c").param("c", charge).query(Long.class).list();
		assertThat(ids).hasSize(1);
		return this.refundRepository.findById(ids.get(0)).orElseThrow();
	}

	List<FakeAntom.Request> refundCalls(Refund refund) {
		return this.antom.requestsFor(refund.walletKey()).stream().filter(r -> r.path().endsWith("/refund")).toList();
	}

	@Test
	void aSignedRefundSucceedsWithItsRefundIdAsVendorReference() {
		String charge = charge(100_00);
		TransactionRow row = row(this.transactions, charge);
		var response = refund(this.session, charge, "12.34");
		assertThat(response.status()).as(response.body()).isEqualTo(201);
		assertThat(response.json().path("refund").path("status").asString()).isEqualTo("succeeded");
		Refund refund = theOnlyRefund(charge);
		FakeAntom.Request call = refundCalls(refund).get(0);
		assertThat(call.signatureValid()).isTrue();
		JsonNode body = call.json();
		assertThat(body.path("refundRequestId").asString()).isEqualTo(refund.walletKey());
		assertThat(body.path("paymentId").asString()).isEqualTo(row.vendorReference());
		assertThat(body.path("refundAmount").path("value").isString()).isTrue();
		assertThat(body.path("refundAmount").path("value").asString()).isEqualTo("1234");
		assertThat(body.path("refundAmount").path("currency").asString()).isEqualTo("EUR");
		assertThat(body.path("refundNotifyUrl").asString()).endsWith("/api/v1/wallets/antom/notify");
		assertThat(dashboardRefunds(this.transactions, this.jdbc, charge).get(0).vendorReference())
			.isEqualTo(this.antom.refund(refund.walletKey()).refundId());
		assertBooksAgree(this.transactions, this.jdbc, charge);
	}

	@Test
	void failIsDeclinedWithResultCodeAndMessage() {
		String charge = charge(100_00);
		this.antom.answerNext(Mode.F);
		var response = refund(this.session, charge, "10.00");
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.code()).isEqualTo("PROVIDER_DECLINED");
		assertThat(response.json().path("detail").asString()).contains("REFUND_AMOUNT_EXCEED")
			.contains("The refund amount exceeds the limit");
		assertThat(row(this.transactions, charge).remaining()).isEqualTo(100_00);
		assertBooksAgree(this.transactions, this.jdbc, charge);
	}

	@Test
	void unknownAppliedIsSettledByTheInquiry() {
		String charge = charge(100_00);
		this.antom.answerNext(Mode.U_APPLIED);
		assertThat(refund(this.session, charge, "10.00").json().path("refund").path("status").asString())
			.isEqualTo("pending");
		this.clock.advance(PAST_THRESHOLD);
		this.reconciler.reconcile();
		Refund refund = theOnlyRefund(charge);
		assertThat(refund.state()).isEqualTo(RefundState.SUCCEEDED);
		assertThat(refundCalls(refund)).hasSize(1);
		assertBooksAgree(this.transactions, this.jdbc, charge);
	}

	@Test
	void aServerErrorIsSentAgainUnderTheSameRefundRequestId() {
		String charge = charge(100_00);
		this.antom.answerNext(Mode.SERVER_ERROR);
		assertThat(refund(this.session, charge, "10.00").json().path("refund").path("status").asString())
			.isEqualTo("pending");
		this.clock.advance(PAST_THRESHOLD);
		this.reconciler.reconcile();
		Refund refund = theOnlyRefund(charge);
		assertThat(refund.state()).isEqualTo(RefundState.SUCCEEDED);
		List<FakeAntom.Request> seen = this.antom.requestsFor(refund.walletKey());
		assertThat(seen).extracting(FakeAntom.Request::path)
			.containsExactly("/ams/api/v1/payments/refund", "/ams/api/v1/payments/inquiryRefund",
					"/ams/api/v1/payments/refund");
		assertThat(seen.get(2).json().path("refundRequestId").asString()).isEqualTo(refund.walletKey());
	}

	@Test
	void aTimeOutIsPendingAndTheInquirySettlesItWithoutSendingAgain() {
		String charge = charge(100_00);
		this.antom.answerNext(Mode.APPLY_THEN_SLOW);
		assertThat(refund(this.session, charge, "10.00").json().path("refund").path("status").asString())
			.isEqualTo("pending");
		this.clock.advance(PAST_THRESHOLD);
		this.reconciler.reconcile();
		Refund refund = theOnlyRefund(charge);
		assertThat(refund.state()).isEqualTo(RefundState.SUCCEEDED);
		assertThat(this.antom.requestsFor(refund.walletKey())).extracting(FakeAntom.Request::path)
			.containsExactly("/ams/api/v1/payments/refund", "/ams/api/v1/payments/inquiryRefund");
		assertBooksAgree(this.transactions, this.jdbc, charge);
	}

	@Test
	void anAnswerWithABadSignatureStaysPending() {
		String charge = charge(100_00);
		this.antom.answerNext(Mode.APPLY_BAD_SIGNATURE);
		assertThat(refund(this.session, charge, "10.00").json().path("refund").path("status").asString())
			.isEqualTo("pending");
		assertThat(dashboardRefunds(this.transactions, this.jdbc, charge)).isEmpty();
	}

	@Test
	void aChargeWithoutPaymentIdIsNotRefundableAndNothingIsReserved() {
		String charge = this.data.tx(this.shop.store()).method("ALP").amount(50_00).vendorReference(null).save();
		var response = refund(this.session, charge, "5.00");
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.code()).isEqualTo("NOT_REFUNDABLE");
		assertThat(response.json().path("detail").asString()).contains("paymentId");
		assertThat(refundRows(this.jdbc, charge)).isZero();
		assertThat(row(this.transactions, charge).remaining()).isEqualTo(50_00);
	}

}
