package com.walletdesk.refund;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.walletdesk.refund.RefundFixture.Shop;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.MutableClock;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import com.walletdesk.transaction.TransactionRow;
import com.walletdesk.transaction.TransactionService;
import com.walletdesk.sandbox.SandboxBehaviour;
import com.walletdesk.sandbox.SandboxWallet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static com.walletdesk.refund.RefundFixture.row;
import static com.walletdesk.refund.RefundFixture.key;
import static com.walletdesk.refund.RefundFixture.refund;
import static com.walletdesk.refund.RefundFixture.refundRows;
import static org.assertj.core.api.Assertions.assertThat;

/** API.md "Refunds" over HTTP, with a refunder signed in through the form. */
@IntegrationTest
class RefundApiIT {

	/** Noon in China (04:00 UTC): the whole test stays on one China day. */
	static final Instant NOON_CHINA = Instant.parse("2026-11-20T04:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@Autowired
	TransactionService transactions;

	@Autowired
	SandboxWallet sandbox;

	@Autowired
	JdbcClient jdbc;

	Shop shop;

	WebSession session;

	@BeforeEach
	void setUp() {
		this.clock.set(NOON_CHINA);
		this.shop = RefundFixture.eurShop(this.data);
		this.session = RefundFixture.signIn(this.port, this.shop.username());
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	String charge(long amount) {
		return this.data.tx(this.shop.store()).amount(amount).at(NOON_CHINA.minusSeconds(3600)).save();
	}

	@Test
	void aWholeRefundAnswers201InTheContractsShapeAndLeavesNothing() {
		String charge = charge(100_00);
		var response = refund(this.session, charge, null, "  customer changed their mind  ", key());

		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		JsonNode body = response.json();
		assertThat(body.propertyNames()).containsExactlyInAnyOrder("refund", "remaining");
		JsonNode refund = body.get("refund");
		assertThat(refund.propertyNames()).containsExactlyInAnyOrder("id", "transactionId", "parentId", "amount",
				"currency", "reason", "status", "createdBy", "createdAt");
		assertThat(refund.get("amount").isString()).as("money is a string").isTrue();
		assertThat(refund.get("amount").asString()).isEqualTo("100.00");
		assertThat(refund.get("currency").asString()).isEqualTo("EUR");
		assertThat(refund.get("reason").asString()).isEqualTo("customer changed their mind");
		assertThat(refund.get("status").asString()).isEqualTo("succeeded");
		assertThat(refund.get("parentId").asString()).isEqualTo(charge);
		assertThat(refund.get("createdBy").asString()).isEqualTo(this.shop.username());
		assertThat(refund.get("createdAt").asString()).isEqualTo(NOON_CHINA.toString());
		assertThat(refund.get("id").isString()).isTrue();
		assertThat(body.get("remaining").asString()).isEqualTo("0.00");

		String transactionId = refund.get("transactionId").asString();
		assertThat(transactionId).matches("\\d{12}");
		JsonNode transaction = this.session.get("/api/v1/transactions/" + transactionId).json();
		assertThat(transaction.get("type").asString()).isEqualTo("refund_dashboard");
		assertThat(transaction.get("parentId").asString()).isEqualTo(charge);
		assertThat(transaction.get("amount").asString()).isEqualTo("100.00");
		JsonNode chargeItem = this.session.get("/api/v1/transactions/" + charge).json();
		assertThat(chargeItem.get("remaining").asString()).isEqualTo("0.00");
		assertThat(chargeItem.get("refundable").asBoolean()).isFalse();

		var again = refund(this.session, charge, null, "again", key());
		assertThat(again.status()).isEqualTo(422);
		assertThat(again.code()).isEqualTo("NOT_REFUNDABLE");
		RefundFixture.assertBooksAgree(this.transactions, this.jdbc, charge);
		assertThat(this.sandbox.appliedTotal(charge)).isEqualTo(100_00);
	}

	@Test
	void partialRefundsUntilTheRemainderIsExceeded() {
		String charge = charge(100_00);
		assertThat(refund(this.session, charge, "30.00").json().get("remaining").asString()).isEqualTo("70.00");
		assertThat(refund(this.session, charge, "20.5").json().get("remaining").asString()).isEqualTo("49.50");

		var tooMuch = refund(this.session, charge, "49.51");
		assertThat(tooMuch.status()).isEqualTo(422);
		assertThat(tooMuch.code()).isEqualTo("REFUND_EXCEEDS_REMAINING");
		assertThat(tooMuch.header("Content-Type")).startsWith("application/problem+json");

		var rest = refund(this.session, charge, null, "the rest", key());
		assertThat(rest.json().get("refund").get("amount").asString()).isEqualTo("49.50");
		assertThat(rest.json().get("remaining").asString()).isEqualTo("0.00");
		TransactionRow row = row(this.transactions, charge);
		assertThat(row.refunded()).isEqualTo(100_00);
		assertThat(row.refundPending()).isZero();
		RefundFixture.assertBooksAgree(this.transactions, this.jdbc, charge);

		JsonNode list = this.session.get("/api/v1/transactions/" + charge + "/refunds").json();
		assertThat(list.get("items")).hasSize(3);
		assertThat(list.get("items").get(0).get("amount").asString()).isEqualTo("30.00");
		assertThat(list.get("items").get(2).get("status").asString()).isEqualTo("succeeded");
		assertThat(list.get("items").get(0).propertyNames()).containsExactlyInAnyOrder("id", "transactionId", "parentId",
				"amount", "currency", "reason", "status", "createdBy", "createdAt");
	}

	@Test
	void theSameKeyAndBodyReplayTheFirstAnswerAndRefundNothingMore() {
		String charge = charge(100_00);
		String key = key();
		var first = refund(this.session, charge, "12.3", "damaged", key);
		var second = refund(this.session, charge, "12.30", "damaged", key); // the same amount, spelt differently
		var third = refund(this.session, charge, "12.3", "damaged", key);

		assertThat(first.status()).isEqualTo(201);
		assertThat(second.status()).isEqualTo(201);
		assertThat(second.body()).isEqualTo(first.body());
		assertThat(third.body()).isEqualTo(first.body());
		assertThat(row(this.transactions, charge).refunded()).isEqualTo(12_30);
		assertThat(refundRows(this.jdbc, charge)).isEqualTo(1);
		String refundId = first.json().get("refund").get("id").asString();
		assertThat(this.sandbox.entry(refundId).orElseThrow().requests()).as("one call reached the wallet").isEqualTo(1);

		var otherAmount = refund(this.session, charge, "12.31", "damaged", key);
		assertThat(otherAmount.status()).isEqualTo(422);
		assertThat(otherAmount.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		var otherReason = refund(this.session, charge, "12.30", "other reason", key);
		assertThat(otherReason.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		var otherCharge = refund(this.session, charge(50_00), "12.30", "damaged", key);
		assertThat(otherCharge.code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
		assertThat(row(this.transactions, charge).refunded()).isEqualTo(12_30);

		List<Map<String, String>> audit = RefundFixture.audit(this.jdbc, charge);
		assertThat(audit).extracting(e -> e.get("outcome"))
			.containsExactly("SUCCEEDED", "SUCCEEDED", "SUCCEEDED", "REFUSED", "REFUSED");
		assertThat(audit.get(1).get("details")).contains("\"replayed\":true");
	}

	@Test
	void aDeclineReplaysAsTheSame422() {
		String charge = charge(100_00);
		this.sandbox.setForStore(this.shop.store().id(), SandboxBehaviour.decline("ACQ.TRADE_HAS_CLOSE: trade closed"));
		String key = key();
		var first = refund(this.session, charge, "10.00", "damaged", key);
		var replay = refund(this.session, charge, "10.00", "damaged", key);
		assertThat(first.status()).isEqualTo(422);
		assertThat(first.code()).isEqualTo("PROVIDER_DECLINED");
		assertThat(first.json().get("detail").asString()).isEqualTo("ACQ.TRADE_HAS_CLOSE: trade closed");
		assertThat(replay.status()).isEqualTo(422);
		assertThat(replay.body()).isEqualTo(first.body());
		TransactionRow row = row(this.transactions, charge);
		assertThat(row.refunded()).isZero();
		assertThat(row.refundPending()).as("a decline releases the reservation").isZero();

		this.sandbox.clearStore(this.shop.store().id());
		assertThat(refund(this.session, charge, "10.00", "damaged", key()).status()).isEqualTo(201);
		JsonNode items = this.session.get("/api/v1/transactions/" + charge + "/refunds").json().get("items");
		assertThat(items).extracting(i -> i.get("status").asString()).containsExactly("failed", "succeeded");
	}

	@Test
	void eachBadInputHasItsOwnCodeAndReservesNothing() {
		String charge = charge(100_00);
		String appRefund = this.data.tx(this.shop.store()).refundOf(charge).amount(5_00).at(NOON_CHINA.minusSeconds(60)).save();

		record Case(String amount, String reason, String key, String target, int status, String code) {
		}
		List<Case> cases = List.of(new Case("0", "r", key(), charge, 422, "INVALID_AMOUNT"),
				new Case("0.00", "r", key(), charge, 422, "INVALID_AMOUNT"),
				new Case("-10.00", "r", key(), charge, 422, "INVALID_AMOUNT"),
				new Case("1.001", "r", key(), charge, 422, "INVALID_AMOUNT"),
				new Case("ten", "r", key(), charge, 422, "INVALID_AMOUNT"),
				new Case("95.01", "r", key(), charge, 422, "REFUND_EXCEEDS_REMAINING"),
				new Case("1.00", null, key(), charge, 422, "REASON_REQUIRED"),
				new Case("1.00", "   ", key(), charge, 422, "REASON_REQUIRED"),
				new Case("1.00", "x".repeat(256), key(), charge, 422, "REASON_REQUIRED"),
				new Case("1.00", "r", key(), appRefund, 422, "NOT_REFUNDABLE"),
				new Case("1.00", "r", null, charge, 400, "IDEMPOTENCY_KEY_REQUIRED"),
				new Case("1.00", "r", "k".repeat(256), charge, 400, "IDEMPOTENCY_KEY_TOO_LONG"));
		for (Case c : cases) {
			var response = refund(this.session, c.target(), c.amount(), c.reason(), c.key());
			assertThat(response.status()).as("%s -> %s", c, response).isEqualTo(c.status());
			assertThat(response.code()).as("%s", c).isEqualTo(c.code());
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		}
		var noBody = this.session.post("/api/v1/transactions/" + charge + "/refunds", null, Map.of("Idempotency-Key", key()));
		assertThat(noBody.code()).isEqualTo("REASON_REQUIRED");
		var malformed = this.session.post("/api/v1/transactions/" + charge + "/refunds", "{\"amount\":",
				Map.of("Idempotency-Key", key()));
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.code()).as(malformed.toString()).isEqualTo("MALFORMED_REQUEST");

		TransactionRow row = row(this.transactions, charge);
		assertThat(row.refunded()).as("only the app refund").isEqualTo(5_00);
		assertThat(row.refundPending()).isZero();
		assertThat(refundRows(this.jdbc, charge)).isZero();
		assertThat(this.sandbox.entriesForCharge(charge)).isEmpty();
		List<Map<String, String>> audit = RefundFixture.audit(this.jdbc, charge);
		assertThat(audit).as("every refused attempt on the charge is audited").hasSize(cases.size() - 1 + 1);
		assertThat(audit).allSatisfy(event -> {
			assertThat(event.get("outcome")).isEqualTo("REFUSED");
			assertThat(event.get("account")).isEqualTo(this.shop.username());
			assertThat(event.get("sourceIp")).isEqualTo("127.0.0.1");
		});
		assertThat(audit.get(0).get("details")).contains("\"code\":\"INVALID_AMOUNT\"").contains("\"amount\":\"0\"");
		assertThat(RefundFixture.audit(this.jdbc, appRefund)).extracting(e -> e.get("details"))
			.singleElement()
			.asString()
			.contains("NOT_REFUNDABLE");
	}

	@Test
	void withoutThePrivilegeIts403AndOutsideTheScopeIts404() {
		String charge = charge(100_00);
		String reader = this.data.merchantUser(this.shop.store().id(), false);
		WebSession readerSession = RefundFixture.signIn(this.port, reader);
		var forbidden = refund(readerSession, charge, "1.00");
		assertThat(forbidden.status()).isEqualTo(403);
		assertThat(forbidden.code()).isEqualTo("REFUND_NOT_PERMITTED");
		assertThat(readerSession.get("/api/v1/transactions/" + charge + "/refunds").status())
			.as("reading the refunds needs no privilege")
			.isEqualTo(200);

		Shop other = RefundFixture.eurShop(this.data);
		WebSession stranger = RefundFixture.signIn(this.port, other.username());
		var foreign = refund(stranger, charge, "1.00");
		assertThat(foreign.status()).isEqualTo(404);
		assertThat(foreign.code()).isEqualTo("NOT_FOUND");
		assertThat(stranger.get("/api/v1/transactions/" + charge + "/refunds").status()).isEqualTo(404);
		assertThat(refund(this.session, "999999999999", "1.00").status()).isEqualTo(404);
		assertThat(refund(this.session, "not-an-id", "1.00").status()).isEqualTo(404);

		assertThat(refundRows(this.jdbc, charge)).isZero();
		assertThat(row(this.transactions, charge).refundPending()).isZero();
		assertThat(RefundFixture.audit(this.jdbc, charge)).extracting(e -> e.get("details"))
			.anySatisfy(d -> assertThat(d).contains("REFUND_NOT_PERMITTED"))
			.anySatisfy(d -> assertThat(d).contains("NOT_FOUND"));
	}

	@Test
	void aSucceededRefundIsAuditedWithWhoWhereWhatAndWhy() {
		String charge = charge(100_00);
		var response = refund(this.session, charge, "7.25", "wrong size", key());
		assertThat(response.status()).isEqualTo(201);
		Map<String, String> event = RefundFixture.audit(this.jdbc, charge).get(0);
		assertThat(event.get("outcome")).isEqualTo("SUCCEEDED");
		assertThat(event.get("account")).isEqualTo(this.shop.username());
		assertThat(event.get("sourceIp")).isEqualTo("127.0.0.1");
		assertThat(event.get("details")).contains("\"amount\":\"7.25\"", "\"currency\":\"EUR\"", "\"reason\":\"wrong size\"",
				"\"refund\":\"" + response.json().get("refund").get("id").asString() + "\"");
	}

	@Test
	void aJsonNumberIsReadByItsLiteralTextNeverAsAFloat() {
		String charge = charge(100_00);
		var response = this.session.post("/api/v1/transactions/" + charge + "/refunds",
				"{\"amount\": 10.10, \"reason\": \"r\"}", Map.of("Idempotency-Key", key()));
		assertThat(response.status()).as(response.toString()).isEqualTo(201);
		assertThat(response.json().get("refund").get("amount").asString()).isEqualTo("10.10");
		var tooPrecise = this.session.post("/api/v1/transactions/" + charge + "/refunds",
				"{\"amount\": 0.1000000000000000055511151231257827, \"reason\": \"r\"}", Map.of("Idempotency-Key", key()));
		assertThat(tooPrecise.code()).isEqualTo("INVALID_AMOUNT");
		assertThat(row(this.transactions, charge).refunded()).isEqualTo(10_10);
	}

	@Test
	void aJpyChargeRefundsWholeYen() {
		Shop yen = RefundFixture.shop(this.data, "Asia/Tokyo", "JPY", true);
		WebSession yenSession = RefundFixture.signIn(this.port, yen.username());
		String charge = this.data.tx(yen.store()).amount(1200).at(NOON_CHINA.minusSeconds(60)).save();
		assertThat(refund(yenSession, charge, "12.5").code()).isEqualTo("INVALID_AMOUNT");
		var ok = refund(yenSession, charge, "200");
		assertThat(ok.json().get("refund").get("amount").asString()).isEqualTo("200");
		assertThat(ok.json().get("remaining").asString()).isEqualTo("1000");
		assertThat(Set.of(ok.json().get("refund").get("currency").asString())).containsExactly("JPY");
	}

}
