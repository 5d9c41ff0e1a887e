package com.walletdesk.ingest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/ingest/transactions: every rule and code of API.md "Ingestion". */
@IntegrationTest
class IngestApiIT {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String PATH = "/api/v1/ingest/transactions";

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	WebSession admin;

	MerchantNode group;

	MerchantNode eur;

	MerchantNode jpy;

	@BeforeEach
	void setUp() {
		this.admin = WebSession.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
		this.group = this.data.group("group", null);
		this.eur = this.data.eurStore(this.group.id());
		this.jpy = this.data.store("tokyo", this.group.id(), "Asia/Tokyo", "JPY", "ja-JP");
	}

	@Test
	void aSingleChargeGetsAnIdAndIsStoredAsSent() {
		ObjectNode item = charge(this.eur, "4000.65").put("tip", "1.50")
			.put("channel", "PAY_BY_LINK")
			.put("reference", "PBL-2026-000123")
			.put("vendorReference", "2026112722001412345678901234")
			.put("createdAt", "2026-06-15T13:41:05Z")
			.put("terminalId", "T-9")
			.put("loginCode", "L-1")
			.put("cardNumber", "622848******1234");
		var response = post(item);
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().path("accepted").asInt()).isEqualTo(1);
		String id = response.json().path("items").get(0).path("id").asString();
		assertThat(id).as("issued by us, from our own range").matches("9\\d{11}");

		JsonNode stored = this.admin.get("/api/v1/transactions/" + id).json();
		assertThat(stored.path("storeId").asString()).isEqualTo(String.valueOf(this.eur.id()));
		assertThat(stored.path("type").asString()).isEqualTo("charge");
		assertThat(stored.path("amount").asString()).isEqualTo("4000.65");
		assertThat(stored.path("tip").asString()).isEqualTo("1.50");
		assertThat(stored.path("remaining").asString()).isEqualTo("4000.65");
		assertThat(stored.path("channel").asString()).isEqualTo("PAY_BY_LINK");
		assertThat(stored.path("reference").asString()).isEqualTo("PBL-2026-000123");
		assertThat(stored.path("vendorReference").asString()).isEqualTo("2026112722001412345678901234");
		assertThat(stored.path("createdAt").asString()).isEqualTo("2026-06-15T13:41:05Z");
		assertThat(stored.path("terminalId").asString()).isEqualTo("T-9");
		assertThat(stored.path("loginCode").asString()).isEqualTo("L-1");
		assertThat(stored.path("cardNumber").asString()).isEqualTo("622848******1234");

		// operators find it in the audit trail under its own type
		List<JsonNode> audit = new java.util.ArrayList<>();
		for (JsonNode event : this.admin.get("/api/v1/admin/audit?type=INGEST&account=admin&limit=100").json().path("items")) {
			if (event.path("details").asString().contains(id)) {
				audit.add(event);
			}
		}
		assertThat(audit).hasSize(1);
		assertThat(audit.get(0).path("type").asString()).isEqualTo("INGEST");
		assertThat(audit.get(0).path("outcome").asString()).isEqualTo("SUCCESS");
		assertThat(audit.get(0).path("details").asString()).startsWith("accepted 1, stored 1");
	}

	@Test
	void aBatchAnswersEveryIdInOrder() {
		String given = TestData.randomTransactionId();
		var response = post(batch(charge(this.eur, "10.00"), charge(this.jpy, "1200").put("id", given),
				charge(this.eur, "0.01").put("method", "WXP")));
		assertThat(response.status()).isEqualTo(201);
		assertThat(response.json().path("accepted").asInt()).isEqualTo(3);
		List<String> ids = ids(response.json());
		assertThat(ids).hasSize(3).doesNotHaveDuplicates();
		assertThat(ids.get(1)).isEqualTo(given);
		assertThat(this.admin.get("/api/v1/transactions/" + given).json().path("amount").asString()).isEqualTo("1200");
		assertThat(this.admin.get("/api/v1/transactions/" + ids.get(2)).json().path("method").asString()).isEqualTo("WXP");
	}

	@Test
	void resendingAnIdIsIdempotentAndOtherContentIsAConflict() {
		String id = TestData.randomTransactionId();
		ObjectNode item = charge(this.eur, "10.00").put("id", id);
		assertThat(post(item).status()).isEqualTo(201);
		var again = post(item);
		assertThat(again.status()).isEqualTo(201);
		assertThat(ids(again.json())).containsExactly(id);
		assertThat(count(id)).isEqualTo(1);
		assertThat(post(item.deepCopy().put("createdAt", item.path("createdAt").asString().replace("Z", "+00:00")))
			.status()).as("the same instant written otherwise").isEqualTo(201);

		var conflict = post(item.deepCopy().put("amount", "10.01"));
		assertThat(conflict.status()).isEqualTo(409);
		assertThat(conflict.code()).isEqualTo("DUPLICATE_TRANSACTION_ID");
		assertThat(conflict.json().path("fields").has("id")).isTrue();
		assertThat(this.admin.get("/api/v1/transactions/" + id).json().path("amount").asString()).isEqualTo("10.00");

		String twice = TestData.randomTransactionId();
		ObjectNode same = charge(this.eur, "5.00").put("id", twice);
		var inOneBatch = post(batch(same, same.deepCopy()));
		assertThat(inOneBatch.status()).isEqualTo(201);
		assertThat(ids(inOneBatch.json())).containsExactly(twice, twice);
		assertThat(count(twice)).isEqualTo(1);
		String other = TestData.randomTransactionId();
		var clash = post(batch(charge(this.eur, "5.00").put("id", other), charge(this.eur, "6.00").put("id", other)));
		assertThat(clash.status()).isEqualTo(409);
		assertThat(clash.json().path("fields").has("items[1].id")).isTrue();
		assertThat(count(other)).isZero();
	}

	@Test
	void aResentRefundIsNotCountedTwice() {
		String charge = TestData.randomTransactionId();
		String refund = TestData.randomTransactionId();
		assertThat(post(charge(this.eur, "10.00").put("id", charge)).status()).isEqualTo(201);
		ObjectNode refundItem = refund(this.eur, charge, "4.00").put("id", refund);
		assertThat(post(refundItem).status()).isEqualTo(201);
		assertThat(post(refundItem).status()).isEqualTo(201);
		assertThat(post(batch(refundItem, refundItem)).status()).isEqualTo(201);
		JsonNode stored = this.admin.get("/api/v1/transactions/" + charge).json();
		assertThat(stored.path("remaining").asString()).isEqualTo("6.00");
		JsonNode refundRow = this.admin.get("/api/v1/transactions/" + refund).json();
		assertThat(refundRow.path("type").asString()).isEqualTo("refund");
		assertThat(refundRow.path("parentId").asString()).isEqualTo(charge);
	}

	@Test
	void deviceChannelsAreRefusedAtTheDoor() {
		for (String channel : List.of("PAX", "VERIFONE", "pax", "Verifone")) {
			var response = post(charge(this.eur, "10.00").put("channel", channel).put("method", "CARD"));
			assertThat(response.status()).as(channel).isEqualTo(422);
			assertThat(response.code()).isEqualTo("UNSUPPORTED_CHANNEL");
			assertThat(response.json().path("fields").has("channel")).isTrue();
		}
	}

	@Test
	void unknownStoresAndForeignCurrenciesAreRefused() {
		for (String store : List.of("999999999999", String.valueOf(this.group.id()), "abc", "-5")) {
			var response = post(charge(this.eur, "10.00").put("storeId", store));
			assertThat(response.status()).as(store).isEqualTo(422);
			assertThat(response.code()).as(store).isEqualTo("UNKNOWN_STORE");
		}
		assertThat(post(charge(this.eur, "10.00").put("storeId", 999999999L)).code()).isEqualTo("UNKNOWN_STORE");
		assertThat(post(charge(this.eur, "10.00").put("storeId", this.eur.id())).status()).as("a number is fine for a store")
			.isEqualTo(201);

		for (String currency : List.of("GBP", "JPY", "eur", "XYZ")) {
			var response = post(charge(this.eur, "10.00").put("currency", currency));
			assertThat(response.status()).as(currency).isEqualTo(422);
			assertThat(response.code()).isEqualTo("CURRENCY_MISMATCH");
			assertThat(response.json().path("fields").has("currency")).isTrue();
		}
	}

	@Test
	void amountsAreDecimalStringsWithTheCurrencysDigits() {
		for (String amount : List.of("12.345", "12.3", "12", "abc", "-1.00", "0.00", "1e3", "1,00", " 1.00x")) {
			invalidAmount(charge(this.eur, amount), "amount");
		}
		for (String amount : List.of("1200.00", "1200.5", "0", "-100")) {
			invalidAmount(charge(this.jpy, amount), "amount");
		}
		invalidAmount(charge(this.eur, "1.00").put("amount", 12.34), "amount");
		invalidAmount(charge(this.eur, "1.00").put("amount", 12), "amount");
		invalidAmount(charge(this.eur, "1.00").put("tip", "1.5"), "tip");
		invalidAmount(charge(this.eur, "1.00").put("tip", "-1.00"), "tip");
		invalidAmount(charge(this.jpy, "1000").put("tip", 100), "tip");
		assertThat(post(charge(this.eur, "1.00").put("tip", "0.00")).status()).isEqualTo(201);
		assertThat(post(charge(this.jpy, "1").put("tip", "100")).status()).isEqualTo(201);
	}

	@Test
	void malformedItemsAreA400NamingTheField() {
		ObjectNode ok = charge(this.eur, "10.00");
		invalid(without(ok, "storeId"), "storeId");
		invalid(without(ok, "currency"), "currency");
		invalid(without(ok, "amount"), "amount");
		invalid(ok.deepCopy().put("amount", " "), "amount");
		invalid(without(ok, "createdAt"), "createdAt");
		invalid(without(ok, "type"), "type");
		invalid(ok.deepCopy().put("type", "refund_dashboard"), "type");
		invalid(ok.deepCopy().put("method", "CARD"), "method");
		invalid(ok.deepCopy().put("channel", "WEB"), "channel");
		invalid(ok.deepCopy().put("createdAt", "yesterday"), "createdAt");
		invalid(ok.deepCopy().put("createdAt", "2026-06-15 10:00:00"), "createdAt");
		invalid(ok.deepCopy().put("createdAt", Instant.now().plus(1, ChronoUnit.DAYS).toString()), "createdAt");
		invalid(ok.deepCopy().put("createdAt", "1999-12-31T23:59:59Z"), "createdAt");
		invalid(ok.deepCopy().put("id", "123"), "id");
		invalid(ok.deepCopy().put("id", "28002406545x"), "id");
		invalid(ok.deepCopy().put("id", 280024065451L), "id");
		invalid(ok.deepCopy().put("parentId", TestData.randomTransactionId()), "parentId");
		invalid(ok.deepCopy().put("reference", "R".repeat(65)), "reference");
		invalid(ok.deepCopy().put("terminalId", "T".repeat(33)), "terminalId");
		invalid(ok.deepCopy().put("store", "1"), "store");
		invalid(ok.deepCopy().put("method", true), "method");
	}

	@Test
	void malformedRequestsAreA400() {
		problem(this.admin.post(PATH, "{\"storeId\":"), 400, "MALFORMED_REQUEST");
		problem(this.admin.post(PATH, "[]"), 400, "MALFORMED_REQUEST");
		problem(this.admin.post(PATH, "\"x\""), 400, "MALFORMED_REQUEST");
		problem(this.admin.post(PATH, ""), 400, "MALFORMED_REQUEST");
		problem(this.admin.post(PATH, "{\"items\":{}}"), 400, "VALIDATION_FAILED");
		problem(this.admin.post(PATH, "{\"items\":[]}"), 400, "VALIDATION_FAILED");
		problem(this.admin.post(PATH, "{\"items\":[\"x\"]}"), 400, "VALIDATION_FAILED");
		problem(post(batch(charge(this.eur, "1.00")).put("source", "app")), 400, "VALIDATION_FAILED");
	}

	@Test
	void atMostAThousandItemsPerRequest() {
		ObjectNode tooMany = JSON.createObjectNode();
		ArrayNode items = tooMany.putArray("items");
		String first = TestData.randomTransactionId();
		for (int i = 0; i < 1001; i++) {
			items.add(charge(this.eur, "1.00").put("id", i == 0 ? first : TestData.randomTransactionId()));
		}
		var refused = post(tooMany);
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.code()).isEqualTo("BATCH_TOO_LARGE");
		assertThat(count(first)).isZero();

		items.remove(1000);
		long started = System.nanoTime();
		var accepted = post(tooMany);
		long millis = (System.nanoTime() - started) / 1_000_000;
		assertThat(accepted.status()).isEqualTo(201);
		assertThat(accepted.json().path("accepted").asInt()).isEqualTo(1000);
		assertThat(storeCount(this.eur)).isEqualTo(1000);
		System.out.println("[ingest] 1000 items in one request: " + millis + " ms");
	}

	@Test
	void aRefundNeedsAChargeOfTheSameStoreAndMethodWithEnoughRemaining() {
		String charge = TestData.randomTransactionId();
		assertThat(post(charge(this.eur, "10.00").put("id", charge)).status()).isEqualTo(201);
		MerchantNode otherStore = this.data.eurStore(this.group.id());

		invalidParent(without(refund(this.eur, charge, "1.00"), "parentId"));
		invalidParent(refund(this.eur, "999999999999", "1.00"));
		invalidParent(refund(this.eur, "12345", "1.00"));
		invalidParent(refund(otherStore, charge, "1.00"));
		invalidParent(refund(this.eur, charge, "1.00").put("method", "WXP"));
		String firstRefund = ids(post(refund(this.eur, charge, "3.00")).json()).get(0);
		invalidParent(refund(this.eur, firstRefund, "1.00"));

		var tooMuch = post(refund(this.eur, charge, "7.01"));
		assertThat(tooMuch.status()).isEqualTo(422);
		assertThat(tooMuch.code()).isEqualTo("REFUND_EXCEEDS_REMAINING");
		assertThat(tooMuch.json().path("fields").has("amount")).isTrue();

		var together = post(batch(refund(this.eur, charge, "4.00"), refund(this.eur, charge, "3.01")));
		assertThat(together.status()).as("two refunds that fit alone but not together").isEqualTo(422);
		assertThat(together.code()).isEqualTo("REFUND_EXCEEDS_REMAINING");
		assertThat(together.json().path("fields").has("items[1].amount")).isTrue();
		assertThat(remaining(charge)).as("nothing of that batch was stored").isEqualTo("7.00");

		assertThat(post(refund(this.eur, charge, "7.00")).status()).as("exactly what remains").isEqualTo(201);
		assertThat(remaining(charge)).isEqualTo("0.00");
		assertThat(post(refund(this.eur, charge, "0.01")).code()).isEqualTo("REFUND_EXCEEDS_REMAINING");

		String newCharge = TestData.randomTransactionId();
		var sameBatch = post(batch(charge(this.eur, "20.00").put("id", newCharge), refund(this.eur, newCharge, "5.00")));
		assertThat(sameBatch.status()).as("a refund of a charge in the same batch").isEqualTo(201);
		assertThat(remaining(newCharge)).isEqualTo("15.00");
	}

	@Test
	void aBatchIsAllOrNothing() {
		String a = TestData.randomTransactionId();
		String b = TestData.randomTransactionId();
		String c = TestData.randomTransactionId();
		var refused = post(batch(charge(this.eur, "1.00").put("id", a), charge(this.jpy, "100").put("id", b),
				charge(this.eur, "1.00").put("id", c).put("currency", "JPY")));
		assertThat(refused.status()).isEqualTo(422);
		assertThat(refused.code()).isEqualTo("CURRENCY_MISMATCH");
		assertThat(refused.json().path("fields").has("items[2].currency")).isTrue();
		assertThat(refused.json().path("detail").asString()).startsWith("Item 2:");
		assertThat(count(a) + count(b) + count(c)).isZero();

		var lastRefundTooBig = post(batch(charge(this.eur, "1.00").put("id", a), charge(this.eur, "2.00").put("id", b),
				refund(this.eur, b, "2.01")));
		assertThat(lastRefundTooBig.code()).isEqualTo("REFUND_EXCEEDS_REMAINING");
		assertThat(count(a) + count(b)).isZero();
		assertThat(this.data.jdbc()
			.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'INGEST' AND outcome = 'REFUSED' AND details LIKE '%REFUND_EXCEEDS_REMAINING%'")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void onlyOperatorsAndLaterApiKeysMayIngest() {
		WebSession merchant = WebSession.signIn(this.port, this.data.merchantUser(this.group.id(), true), TestData.PASSWORD);
		var refused = merchant.post(PATH, charge(this.eur, "1.00").toString());
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.code()).isEqualTo("ACCESS_DENIED");
		var anonymous = WebSession.anonymous(this.port).post(PATH, charge(this.eur, "1.00").toString());
		assertThat(anonymous.status()).isIn(401, 403);
		assertThat(storeCount(this.eur)).isZero();
	}

	private ObjectNode charge(MerchantNode store, String amount) {
		return JSON.createObjectNode()
			.put("storeId", String.valueOf(store.id()))
			.put("type", "charge")
			.put("method", "ALP")
			.put("channel", "APP")
			.put("amount", amount)
			.put("currency", store.currency())
			.put("createdAt", Instant.now().minus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString());
	}

	private ObjectNode refund(MerchantNode store, String parentId, String amount) {
		return charge(store, amount).put("type", "refund").put("parentId", parentId);
	}

	private static ObjectNode batch(ObjectNode... items) {
		ObjectNode batch = JSON.createObjectNode();
		ArrayNode array = batch.putArray("items");
		for (ObjectNode item : items) {
			array.add(item);
		}
		return batch;
	}

	private static ObjectNode without(ObjectNode item, String field) {
		ObjectNode copy = item.deepCopy();
		copy.remove(field);
		return copy;
	}

	private WebSession.Response post(JsonNode body) {
		return this.admin.post(PATH, body.toString());
	}

	private void invalidAmount(ObjectNode item, String field) {
		var response = post(item);
		assertThat(response.status()).as(item.toString()).isEqualTo(422);
		assertThat(response.code()).as(item.toString()).isEqualTo("INVALID_AMOUNT");
		assertThat(response.json().path("fields").has(field)).as(response.body()).isTrue();
	}

	private void invalidParent(ObjectNode item) {
		var response = post(item);
		assertThat(response.status()).as(item.toString()).isEqualTo(422);
		assertThat(response.code()).as(item.toString()).isEqualTo("INVALID_PARENT");
		assertThat(response.json().path("fields").has("parentId")).isTrue();
	}

	private void invalid(ObjectNode item, String field) {
		var response = post(item);
		assertThat(response.status()).as(item.toString()).isEqualTo(400);
		assertThat(response.code()).as(item.toString()).isEqualTo("VALIDATION_FAILED");
		assertThat(response.json().path("fields").has(field)).as(item + " -> " + response.body()).isTrue();
	}

	private static void problem(WebSession.Response response, int status, String code) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.code()).isEqualTo(code);
	}

	private String remaining(String chargeId) {
		return this.admin.get("/api/v1/transactions/" + chargeId).json().path("remaining").asString();
	}

	private long count(String id) {
		return this.data.jdbc().sql("SELECT COUNT(*) FROM wallet_transaction WHERE id = :id").param("id", id)
			.query(Long.class).single();
	}

	private long storeCount(MerchantNode store) {
		return this.data.jdbc().sql("SELECT COUNT(*) FROM wallet_transaction WHERE store_id = :s").param("s", store.id())
			.query(Long.class).single();
	}

	private static List<String> ids(JsonNode body) {
		return body.path("items").valueStream().map(item -> item.path("id").asString()).toList();
	}

}
