package com.walletdesk.paylink;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.DayTotalsCheck;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.MutableClock;
import com.walletdesk.support.TestData;
import com.walletdesk.support.TestWallets;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The payer's page, {@code /pay/{token}}, without a sign-in: the page, the sandbox payment, the
 * charge it records (channel PAY_BY_LINK, the link's reference, day totals) found in Lookup and
 * refunded; a link pays once; paid, cancelled and expired links answer 410, unknown tokens 404.
 */
@IntegrationTest
class PayByLinkIT {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	record Link(MerchantNode store, WebSession merchant, String id, String token, String reference) {
	}

	Link link(String amount) {
		MerchantNode group = this.data.group("group", null);
		MerchantNode store = this.data.eurStore(group.id());
		WebSession merchant = WebSession.signIn(this.port, this.data.merchantUser(store.id(), true), TestData.PASSWORD);
		String reference = TestData.unique("PBL");
		var created = merchant.post("/api/v1/stores/" + store.id() + "/payment-links",
				"{\"amount\":\"" + amount + "\",\"reference\":\"" + reference + "\",\"description\":\"Dinner for two\"}");
		assertThat(created.status()).as(created.body()).isEqualTo(201);
		String url = created.json().path("url").asString();
		return new Link(store, merchant, created.json().path("id").asString(), url.substring(url.lastIndexOf('/') + 1),
				reference);
	}

	@Test
	void aPayerPaysWithoutSigningInAndTheChargeIsInLookupAndRefundable() {
		Link link = link("42.50");
		WebSession payer = WebSession.anonymous(this.port);

		var page = payer.get("/pay/" + link.token());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains(link.store().name()).contains("42,50").contains("Dinner for two")
			.contains("value=\"ALP\"").contains("value=\"WXP\"").contains("name=\"_csrf\"");

		// the form is CSRF-protected, signed in or not
		assertThat(payer.form("/pay/" + link.token(), Map.of("method", "WXP")).status()).isEqualTo(403);
		var paid = payer.form("/pay/" + link.token(), Map.of("method", "WXP", "_csrf", payer.xsrfToken()));
		assertThat(paid.status()).as(paid.body()).isEqualTo(200);
		assertThat(paid.body()).contains("paid-transaction");

		JsonNode stored = link.merchant().get("/api/v1/stores/" + link.store().id() + "/payment-links/" + link.id()).json();
		assertThat(stored.path("status").asString()).isEqualTo("paid");
		String charge = stored.path("paidTransactionId").asString();
		assertThat(charge).matches("\\d{12}");
		assertThat(paid.body()).contains(charge);

		// in Lookup, found by the link's reference, as a Pay By Link charge
		var lookup = link.merchant().get("/api/v1/stores/" + link.store().id() + "/transactions?q=" + link.reference());
		JsonNode item = lookup.json().path("items").get(0);
		assertThat(lookup.json().path("items").size()).isEqualTo(1);
		assertThat(item.path("id").asString()).isEqualTo(charge);
		assertThat(item.path("type").asString()).isEqualTo("charge");
		assertThat(item.path("channel").asString()).isEqualTo("PAY_BY_LINK");
		assertThat(item.path("method").asString()).isEqualTo("WXP");
		assertThat(item.path("reference").asString()).isEqualTo(link.reference());
		assertThat(item.path("amount").asString()).isEqualTo("42.50");
		assertThat(item.path("vendorReference").asString()).startsWith("SBX");
		assertThat(item.path("refundable").asBoolean()).isTrue();
		DayTotalsCheck.assertAgree(this.data.jdbc(), link.store().id());

		// refundable like any other charge
		var refund = link.merchant().post("/api/v1/transactions/" + charge + "/refunds",
				"{\"amount\":\"12.50\",\"reason\":\"One dish was missing\"}", Map.of("Idempotency-Key", TestData.unique("k")));
		assertThat(refund.status()).as(refund.body()).isEqualTo(201);
		assertThat(refund.json().path("remaining").asString()).isEqualTo("30.00");
		DayTotalsCheck.assertAgree(this.data.jdbc(), link.store().id());

		// paid once: the page and the form now answer 410, and nothing more is charged
		assertThat(payer.get("/pay/" + link.token()).status()).isEqualTo(410);
		var twice = payer.form("/pay/" + link.token(), Map.of("method", "WXP", "_csrf", payer.xsrfToken()));
		assertThat(twice.status()).isEqualTo(410);
		assertThat(charges(link)).isEqualTo(1);
		assertThat(this.data.jdbc().sql("SELECT COUNT(*) FROM audit_event WHERE type = 'PAYMENT_LINK' AND outcome = 'PAID' "
				+ "AND resource = :r").param("r", "payment-link/" + link.id()).query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void cancelledExpiredAndUnknownLinksTakeNoPayment() {
		Link cancelled = link("10.00");
		assertThat(cancelled.merchant()
			.post("/api/v1/stores/" + cancelled.store().id() + "/payment-links/" + cancelled.id() + "/cancel", null)
			.status()).isEqualTo(200);
		WebSession payer = WebSession.anonymous(this.port);
		var page = payer.get("/pay/" + cancelled.token());
		assertThat(page.status()).isEqualTo(410);
		assertThat(page.body()).contains("pay-closed").doesNotContain("pay-button");
		assertThat(payer.form("/pay/" + cancelled.token(), Map.of("method", "ALP", "_csrf", payer.xsrfToken())).status())
			.isEqualTo(410);
		assertThat(charges(cancelled)).isZero();

		Link expiring = link("10.00");
		this.clock.set(Instant.now().plus(Duration.ofDays(7)).plusSeconds(60));
		assertThat(payer.get("/pay/" + expiring.token()).status()).isEqualTo(410);
		assertThat(payer.form("/pay/" + expiring.token(), Map.of("method", "ALP", "_csrf", payer.xsrfToken())).status())
			.isEqualTo(410);
		assertThat(charges(expiring)).isZero();
		this.clock.reset();

		assertThat(payer.get("/pay/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").status()).isEqualTo(404);
		assertThat(payer.get("/pay/not-a-token").status()).isEqualTo(404);
		assertThat(payer.form("/pay/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
				Map.of("method", "ALP", "_csrf", payer.xsrfToken())).status()).isEqualTo(404);

		// a wallet the link does not offer: the page again, nothing charged
		Link open = link("10.00");
		payer.get("/pay/" + open.token());
		var noWallet = payer.form("/pay/" + open.token(), Map.of("method", "VISA", "_csrf", payer.xsrfToken()));
		assertThat(noWallet.status()).isEqualTo(400);
		assertThat(noWallet.body()).contains("method-error");
		assertThat(charges(open)).isZero();
	}

	@Test
	void aWalletConnectedToALiveProviderIsNotOfferedSinceOnlyTheSandboxTakesPayments() {
		Link link = link("10.00");
		WebSession admin = WebSession.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
		var saved = admin.put("/api/v1/admin/stores/" + link.store().id() + "/wallets/WXP",
				TestWallets.wechatPay("1900000109"));
		assertThat(saved.status()).as(saved.body()).isEqualTo(200);

		WebSession payer = WebSession.anonymous(this.port);
		var page = payer.get("/pay/" + link.token());
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("value=\"ALP\"").doesNotContain("value=\"WXP\"");
		var refused = payer.form("/pay/" + link.token(), Map.of("method", "WXP", "_csrf", payer.xsrfToken()));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(charges(link)).isZero();
		assertThat(payer.form("/pay/" + link.token(), Map.of("method", "ALP", "_csrf", payer.xsrfToken())).status())
			.isEqualTo(200);
		assertThat(charges(link)).isEqualTo(1);
	}

	private long charges(Link link) {
		return this.data.jdbc()
			.sql("SELECT COUNT(*) FROM wallet_transaction WHERE store_id = :s AND reference = :r AND type = 'charge'")
			.param("s", link.store().id())
			.param("r", link.reference())
			.query(Long.class)
			.single();
	}

}
