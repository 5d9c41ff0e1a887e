package com.walletdesk.refund;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.walletdesk.support.FakeWechatPay;
import com.walletdesk.support.FakeWechatPay.Mode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestWallets;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refunds WeChat Pay reports ABNORMAL: listed for operators (GET /api/v1/admin/refunds?status=attention
 * and /admin/refunds), still pending and reserved after any number of reconciler runs, gone from the
 * list once the wallet settles them.
 */
@IntegrationTest
class RefundAttentionIT extends RefundFixture {

	static final String LIST = "/api/v1/admin/refunds?status=attention";

	final FakeWechatPay wechat = FakeWechatPay.get();

	Shop shop;

	WebSession admin;

	WebSession merchant;

	@BeforeEach
	void connectTheStore() {
		this.shop = eurShop(this.data);
		this.admin = WebSession.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
		assertThat(this.admin.put("/api/v1/admin/stores/" + this.shop.store().id() + "/wallets/WXP",
				TestWallets.wechatPay("1900000109")).status()).isEqualTo(200);
		this.merchant = signIn(this.port, this.shop.username());
		// the wallet's answers are signed at our (moved) time: else they would be stale, no answer at all
		this.wechat.now = this.clock::instant;
	}

	@AfterEach
	void resetTheFake() {
		this.wechat.reset();
	}

	String abnormalRefund(String charge) {
		this.wechat.answerNext(Mode.ABNORMAL);
		var response = refund(this.merchant, charge, "10.00");
		assertThat(response.json().path("refund").path("status").asString()).isEqualTo("pending");
		return response.json().path("refund").path("id").asString();
	}

	JsonNode listed(String refundId) {
		var response = this.admin.get(LIST);
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		for (JsonNode item : response.json().path("items")) {
			if (item.path("id").asString().equals(refundId)) {
				return item;
			}
		}
		return null;
	}

	@Test
	void anAbnormalRefundIsListedWithTheWalletsCodeAndWords() {
		String charge = this.data.tx(this.shop.store()).method("WXP").amount(100_00).save();
		String refundId = abnormalRefund(charge);

		JsonNode item = listed(refundId);
		assertThat(item).as("listed").isNotNull();
		assertThat(item.path("parentId").asString()).isEqualTo(charge);
		assertThat(item.path("storeId").asString()).isEqualTo(String.valueOf(this.shop.store().id()));
		assertThat(item.path("storeName").asString()).isEqualTo(this.shop.store().name());
		assertThat(item.path("amount").asString()).isEqualTo("10.00");
		assertThat(item.path("currency").asString()).isEqualTo("EUR");
		assertThat(item.path("provider").asString()).isEqualTo("WECHATPAY_GLOBAL");
		assertThat(item.path("walletCode").asString()).isEqualTo("ABNORMAL");
		assertThat(item.path("walletMessage").asString()).contains("stuck at WeChat Pay");
		assertThat(item.path("providerReference").asString()).isEqualTo(this.wechat.refund(refundId).id());
		Instant since = Instant.parse(item.path("since").asString());
		assertThat(since).isAfterOrEqualTo(Instant.parse(item.path("createdAt").asString()))
			.isBeforeOrEqualTo(this.clock.instant());
	}

	@Test
	void theReconcilerNeverReleasesIt() {
		String charge = this.data.tx(this.shop.store()).method("WXP").amount(100_00).save();
		String refundId = abnormalRefund(charge);
		String since = listed(refundId).path("since").asString();
		for (int run = 0; run < 4; run++) {
			this.clock.advance(Duration.ofDays(1).plusMinutes(1));
			var report = this.reconciler.reconcile();
			assertThat(report.stillPending()).as("asked, answered ABNORMAL").isGreaterThanOrEqualTo(1);
		}
		assertThat(this.wechat.requestsFor(refundId)).extracting(FakeWechatPay.Request::method)
			.as("asked every time, never sent again")
			.containsExactly("POST", "GET", "GET", "GET", "GET");
		assertThat(refundRows(this.jdbc, charge, "pending")).isEqualTo(1);
		assertThat(row(this.transactions, charge).refundPending()).as("still reserved").isEqualTo(10_00);
		assertThat(row(this.transactions, charge).remaining()).isEqualTo(90_00);
		assertThat(listed(refundId)).as("still listed").isNotNull();
		assertThat(listed(refundId).path("since").asString()).as("since the first report").isEqualTo(since);
		assertBooksAgree(this.transactions, this.jdbc, charge);

		// the answers at the moved time verify: once the wallet settles it, the next check settles it here
		this.wechat.settle(refundId, "SUCCESS");
		this.clock.advance(Duration.ofDays(1).plusMinutes(1));
		this.reconciler.reconcile();
		assertThat(refundRows(this.jdbc, charge, "succeeded")).isEqualTo(1);
		assertThat(listed(refundId)).isNull();
	}

	@Test
	void settledAtTheWalletItLeavesTheList() {
		String charge = this.data.tx(this.shop.store()).method("WXP").amount(100_00).save();
		String refundId = abnormalRefund(charge);
		this.wechat.settle(refundId, "SUCCESS");
		this.clock.advance(Duration.ofMinutes(3));
		this.reconciler.reconcile();
		assertThat(refundRows(this.jdbc, charge, "succeeded")).isEqualTo(1);
		assertThat(listed(refundId)).isNull();
		assertBooksAgree(this.transactions, this.jdbc, charge);
	}

	@Test
	void onlyOperatorsSeeIt() {
		var response = this.merchant.get(LIST);
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(this.merchant.get("/admin/refunds").status()).isEqualTo(403);
		assertThat(WebSession.anonymous(this.port).get(LIST).status()).isEqualTo(401);
	}

	@Test
	void anotherStatusIsABadRequest() {
		for (String path : List.of("/api/v1/admin/refunds", "/api/v1/admin/refunds?status=pending")) {
			var response = this.admin.get(path);
			assertThat(response.status()).as(path).isEqualTo(400);
			assertThat(response.code()).isEqualTo("INVALID_STATUS");
			assertThat(response.json().path("fields").has("status")).isTrue();
		}
	}

	@Test
	void thePageListsItInTheConsole() {
		String charge = this.data.tx(this.shop.store()).method("WXP").amount(100_00).save();
		String refundId = abnormalRefund(charge);
		var page = this.admin.get("/admin/refunds");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("data-refund=\"" + refundId + "\"")
			.contains(charge)
			.contains("ABNORMAL")
			.contains("href=\"/admin/refunds\"")
			.contains("Refunds needing attention");
	}

	@Test
	void thePageSaysWhenNothingNeedsAttention() {
		// other tests of this JVM leave abnormal refunds behind: this one needs a database without them
		this.jdbc.sql("UPDATE refund SET attention_since = NULL").update();
		assertThat(this.admin.get(LIST).json().path("items").size()).isZero();
		var page = this.admin.get("/admin/refunds");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("No refund needs attention.").doesNotContain("id=\"attention-refunds\"");
	}

}
