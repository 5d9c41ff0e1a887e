package com.walletdesk.refund;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.walletdesk.support.FakeAntom;
import com.walletdesk.support.FakeWechatPay;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestKeys;
import com.walletdesk.support.TestWallets;
import com.walletdesk.support.WalletNotifications;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/wallets/{wechatpay,antom}/notify: verified, settle once, 401 and nothing changed otherwise, audited. */
@IntegrationTest
class WalletNotificationIT extends RefundFixture {

	@Autowired
	Refunds refundRepository;

	Shop shop;

	WebSession session;

	@BeforeEach
	void connectTheStore() {
		this.shop = eurShop(this.data);
		WebSession admin = WebSession.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
		String store = "/api/v1/admin/stores/" + this.shop.store().id() + "/wallets/";
		assertThat(admin.put(store + "WXP", TestWallets.wechatPay("1900000109")).status()).isEqualTo(200);
		assertThat(admin.put(store + "ALP", TestWallets.antom(FakeAntom.CLIENT_ID)).status()).isEqualTo(200);
		this.session = signIn(this.port, this.shop.username());
	}

	@AfterEach
	void resetTheFakes() {
		FakeWechatPay.get().reset();
		FakeAntom.get().reset();
	}

	Refund pendingWechatRefund(String charge) {
		FakeWechatPay.get().answerNext(FakeWechatPay.Mode.SYSTEM_ERROR_500);
		assertThat(refund(this.session, charge, "10.00").json().path("refund").path("status").asString())
			.isEqualTo("pending");
		return theOnlyRefund(charge);
	}

	Refund theOnlyRefund(String charge) {
		List<Long> ids = this.jdbc.sql("SELECT id FROM refund WHERE charge_id = :c").param("c", charge).query(Long.class).list();
		assertThat(ids).hasSize(1);
		return this.refundRepository.findById(ids.get(0)).orElseThrow();
	}

	String wxpCharge() {
		return this.data.tx(this.shop.store()).method("WXP").amount(100_00).save();
	}

	List<String> notificationAudit(Refund refund) {
		return this.jdbc.sql("SELECT outcome FROM audit_event WHERE type = 'WALLET_NOTIFICATION' AND resource = :r ORDER BY id")
			.param("r", "refund:" + refund.walletKey())
			.query(String.class)
			.list();
	}

	@Test
	void aWechatPayNotificationSettlesOnceHoweverOftenItComes() {
		String charge = wxpCharge();
		Refund refund = pendingWechatRefund(charge);
		String body = WalletNotifications.wechatPayBody("1900000109", refund.walletKey(), "50300999", "SUCCESS");
		HttpResponse<String> first = WalletNotifications.deliverWechatPay(this.port, body,
				TestKeys.wallet().getPrivate(), Instant.now());
		assertThat(first.statusCode()).as(first.body()).isEqualTo(204);
		assertThat(theOnlyRefund(charge).state()).isEqualTo(RefundState.SUCCEEDED);
		assertThat(dashboardRefunds(this.transactions, this.jdbc, charge).get(0).vendorReference()).isEqualTo("50300999");

		assertThat(WalletNotifications.deliverWechatPay(this.port, body, TestKeys.wallet().getPrivate(), Instant.now())
			.statusCode()).isEqualTo(204);
		assertThat(dashboardRefunds(this.transactions, this.jdbc, charge)).hasSize(1);
		assertThat(notificationAudit(refund)).containsExactly("SETTLED", "ALREADY_SETTLED");
		assertBooksAgree(this.transactions, this.jdbc, charge);
	}

	@Test
	void closedReleasesTheReservation() {
		String charge = wxpCharge();
		Refund refund = pendingWechatRefund(charge);
		String body = WalletNotifications.wechatPayBody("1900000109", refund.walletKey(), "50300998", "CLOSED");
		assertThat(WalletNotifications.deliverWechatPay(this.port, body, TestKeys.wallet().getPrivate(), Instant.now())
			.statusCode()).isEqualTo(204);
		assertThat(theOnlyRefund(charge).state()).isEqualTo(RefundState.FAILED);
		assertThat(row(this.transactions, charge).remaining()).isEqualTo(100_00);
	}

	@Test
	void aBadSignatureAStaleTimestampOrATamperedCiphertextIs401AndChangesNothing() {
		String charge = wxpCharge();
		Refund refund = pendingWechatRefund(charge);
		String body = WalletNotifications.wechatPayBody("1900000109", refund.walletKey(), "50300997", "SUCCESS");
		String tampered = body.replaceFirst("\"ciphertext\":\"(.)", "\"ciphertext\":\"" + (body.contains("\"ciphertext\":\"A") ? "B" : "A"));
		// the signature is over the body as sent: the same JSON re-serialised (a space added) does not verify
		String respaced = body.replace(",\"summary\"", ", \"summary\"");
		List<HttpResponse<String>> refused = List.of(
				WalletNotifications.deliverWechatPay(this.port, body, TestKeys.generate().getPrivate(), Instant.now()),
				WalletNotifications.deliverWechatPay(this.port, body, TestKeys.wallet().getPrivate(),
						Instant.now().minus(Duration.ofMinutes(6))),
				WalletNotifications.deliverWechatPay(this.port, tampered, TestKeys.wallet().getPrivate(), Instant.now()),
				WalletNotifications.deliverWechatPay(this.port, respaced, body, TestKeys.wallet().getPrivate(),
						Instant.now()));
		for (HttpResponse<String> response : refused) {
			assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
			assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
			assertThat(response.body()).contains("NOTIFICATION_NOT_VERIFIED");
		}
		assertThat(theOnlyRefund(charge).state()).isEqualTo(RefundState.PENDING);
		assertThat(row(this.transactions, charge).refundPending()).isEqualTo(10_00);
		long rejected = this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'WALLET_NOTIFICATION' AND outcome = 'REJECTED'")
			.query(Long.class)
			.single();
		assertThat(rejected).isGreaterThanOrEqualTo(4);
	}

	@Test
	void aNotificationForAnotherStoresRefundSettlesNothing() {
		Shop other = eurShop(this.data);
		String charge = this.data.tx(other.store()).method("WXP").amount(100_00).save();
		assertThat(refund(signIn(this.port, other.username()), charge, "10.00").status()).isEqualTo(201);
		Refund refund = theOnlyRefund(charge);
		// the other store uses the sandbox: its refund succeeded there; a forged CLOSED must not touch it
		String body = WalletNotifications.wechatPayBody("1900000109", refund.walletKey(), "1", "CLOSED");
		assertThat(WalletNotifications.deliverWechatPay(this.port, body, TestKeys.wallet().getPrivate(), Instant.now())
			.statusCode()).isEqualTo(204);
		assertThat(theOnlyRefund(charge).state()).isEqualTo(RefundState.SUCCEEDED);
		assertThat(notificationAudit(refund)).containsExactly("UNKNOWN_REFUND");
	}

	@Test
	void anAntomNotificationSettlesAndABadSignatureIs401() {
		String charge = this.data.tx(this.shop.store()).method("ALP").amount(100_00).save();
		FakeAntom.get().answerNext(FakeAntom.Mode.U_NOT_APPLIED);
		assertThat(refund(this.session, charge, "10.00").json().path("refund").path("status").asString())
			.isEqualTo("pending");
		Refund refund = theOnlyRefund(charge);
		String body = WalletNotifications.antomBody(refund.walletKey(), "2026120799", "SUCCESS");

		HttpResponse<String> forged = WalletNotifications.deliverAntom(this.port, body, TestKeys.generate().getPrivate());
		assertThat(forged.statusCode()).isEqualTo(401);
		assertThat(theOnlyRefund(charge).state()).isEqualTo(RefundState.PENDING);

		HttpResponse<String> response = WalletNotifications.deliverAntom(this.port, body, TestKeys.wallet().getPrivate());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(response.body()).contains("\"resultStatus\":\"S\"").contains("\"resultCode\":\"SUCCESS\"");
		assertThat(theOnlyRefund(charge).state()).isEqualTo(RefundState.SUCCEEDED);
		assertThat(dashboardRefunds(this.transactions, this.jdbc, charge).get(0).vendorReference()).isEqualTo("2026120799");
		assertBooksAgree(this.transactions, this.jdbc, charge);
	}

}
