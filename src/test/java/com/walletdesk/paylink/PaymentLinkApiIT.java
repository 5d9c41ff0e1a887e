package com.walletdesk.paylink;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.MutableClock;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** API.md "Pay By Link", the merchant's side: create, list, cancel; validation, scope, audit. */
@IntegrationTest
class PaymentLinkApiIT {

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

	record Merchant(MerchantNode store, MerchantNode otherStore, String username, WebSession session) {
	}

	Merchant merchant() {
		MerchantNode group = this.data.group("group", null);
		MerchantNode store = this.data.eurStore(group.id());
		MerchantNode other = this.data.eurStore(group.id());
		String username = this.data.merchantUser(store.id(), false);
		return new Merchant(store, other, username, WebSession.signIn(this.port, username, TestData.PASSWORD));
	}

	static String path(MerchantNode store) {
		return "/api/v1/stores/" + store.id() + "/payment-links";
	}

	static String body(String amount, String reference) {
		return "{\"amount\":\"" + amount + "\",\"reference\":\"" + reference + "\"}";
	}

	@Test
	void createsALinkWithItsUrlAndQrCode() {
		Merchant m = merchant();
		String reference = TestData.unique("PBL");
		Instant before = Instant.now();
		var created = m.session().post(path(m.store()), "{\"amount\":\"25.00\",\"reference\":\"" + reference
				+ "\",\"description\":\"Dinner for two\",\"methods\":[\"WXP\"]}");

		assertThat(created.status()).as(created.body()).isEqualTo(201);
		JsonNode link = created.json();
		assertThat(link.path("id").isString()).isTrue();
		assertThat(link.path("url").asString()).matches("http://localhost:8080/pay/[A-Za-z0-9_-]{43}");
		assertThat(link.path("qrCodeSvg").asString()).startsWith("<svg").contains("<path").endsWith("</svg>");
		assertThat(link.path("reference").asString()).isEqualTo(reference);
		assertThat(link.path("amount").asString()).isEqualTo("25.00");
		assertThat(link.path("currency").asString()).as("the store's").isEqualTo("EUR");
		assertThat(link.path("status").asString()).isEqualTo("active");
		assertThat(link.path("methods").toString()).isEqualTo("[\"WXP\"]");
		assertThat(link.path("createdBy").asString()).isEqualTo(m.username());
		Instant expiresAt = Instant.parse(link.path("expiresAt").asString());
		assertThat(expiresAt).as("7 days by default").isBetween(before.plus(Duration.ofDays(7)).minusSeconds(5),
				Instant.now().plus(Duration.ofDays(7)).plusSeconds(5));
		Instant.parse(link.path("createdAt").asString());

		// two links never share a token
		var second = m.session().post(path(m.store()), body("1.00", TestData.unique("PBL")));
		assertThat(second.json().path("url").asString()).isNotEqualTo(link.path("url").asString());

		var one = m.session().get(path(m.store()) + "/" + link.path("id").asString());
		assertThat(one.status()).isEqualTo(200);
		assertThat(one.json().path("qrCodeSvg").asString()).isEqualTo(link.path("qrCodeSvg").asString());

		assertThat(audits(reference)).as("the creation is audited").isEqualTo(1);
	}

	@Test
	void aReferenceIsUniquePerStore() {
		Merchant m = merchant();
		String reference = TestData.unique("PBL");
		assertThat(m.session().post(path(m.store()), body("10.00", reference)).status()).isEqualTo(201);

		var again = m.session().post(path(m.store()), body("12.00", reference));
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("DUPLICATE_REFERENCE");
		assertThat(again.json().path("fields").has("reference")).isTrue();

		// another store may use it
		WebSession admin = WebSession.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
		assertThat(admin.post(path(m.otherStore()), body("10.00", reference)).status()).isEqualTo(201);
	}

	@Test
	void badInputIsRefusedWithItsFieldAndNothingIsStored() {
		Merchant m = merchant();
		String p = path(m.store());
		String ref = TestData.unique("PBL");

		var empty = m.session().post(p, "{}");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(empty.json().path("fields").has("amount")).isTrue();
		assertThat(empty.json().path("fields").has("reference")).isTrue();

		assertRefused(m.session().post(p, body("0", ref)), 422, "INVALID_AMOUNT", "amount");
		assertRefused(m.session().post(p, body("-5.00", ref)), 422, "INVALID_AMOUNT", "amount");
		assertRefused(m.session().post(p, body("1.234", ref)), 422, "INVALID_AMOUNT", "amount");
		assertRefused(m.session().post(p, body("1e3", ref)), 422, "INVALID_AMOUNT", "amount");
		assertRefused(m.session().post(p, body("10000000.01", ref)), 422, "INVALID_AMOUNT", "amount");
		assertRefused(m.session().post(p, "{\"amount\":\"5.00\",\"currency\":\"JPY\",\"reference\":\"" + ref + "\"}"),
				422, "CURRENCY_MISMATCH", "currency");
		assertRefused(m.session().post(p, withExpiry(ref, Instant.now().minusSeconds(60))), 422, "INVALID_EXPIRY",
				"expiresAt");
		assertRefused(m.session().post(p, withExpiry(ref, Instant.now().plus(Duration.ofDays(400)))), 422,
				"INVALID_EXPIRY", "expiresAt");
		assertRefused(m.session().post(p, "{\"amount\":\"5.00\",\"reference\":\"" + ref + "\",\"expiresAt\":\"soon\"}"),
				400, "VALIDATION_FAILED", "expiresAt");
		assertRefused(m.session().post(p, "{\"amount\":\"5.00\",\"reference\":\"" + ref + "\",\"methods\":[\"PAX\"]}"),
				400, "VALIDATION_FAILED", "methods");
		assertRefused(m.session().post(p, body("5.00", "x".repeat(65))), 400, "VALIDATION_FAILED", "reference");
		assertRefused(m.session().post(p, "{\"amount\":\"5.00\",\"reference\":\"" + ref + "\",\"methods\":[null]}"),
				400, "VALIDATION_FAILED", "methods");
		assertRefused(m.session().post(p, "{\"amount\":\"5.00\",\"reference\":\"" + ref + "\",\"amout\":\"1\"}"), 400,
				"VALIDATION_FAILED", "amout");

		assertThat(m.session().get(p).json().path("items").size()).as("nothing stored").isZero();
		// the largest amount ingestion takes is taken here too
		assertThat(m.session().post(p, body("10000000.00", ref)).status()).isEqualTo(201);
		assertThat(m.session().post(p, withExpiry(TestData.unique("PBL"), Instant.now().plus(Duration.ofDays(360))))
			.status()).isEqualTo(201);
	}

	@Test
	void listsByStatusAndCancelsOnlyActiveLinks() {
		Merchant m = merchant();
		String first = m.session().post(path(m.store()), body("10.00", TestData.unique("PBL"))).json().path("id").asString();
		String second = m.session().post(path(m.store()), body("20.00", TestData.unique("PBL"))).json().path("id").asString();

		var cancelled = m.session().post(path(m.store()) + "/" + first + "/cancel", null);
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
		assertThat(cancelled.json().path("status").asString()).isEqualTo("cancelled");

		var again = m.session().post(path(m.store()) + "/" + first + "/cancel", null);
		assertThat(again.status()).isEqualTo(409);
		assertThat(again.code()).isEqualTo("LINK_NOT_ACTIVE");

		assertThat(ids(m.session().get(path(m.store())))).as("newest first").containsExactly(second, first);
		assertThat(ids(m.session().get(path(m.store()) + "?status=cancelled"))).containsExactly(first);
		assertThat(ids(m.session().get(path(m.store()) + "?status=active"))).containsExactly(second);
		assertThat(ids(m.session().get(path(m.store()) + "?status=paid"))).isEmpty();
		var page = m.session().get(path(m.store()) + "?limit=1");
		assertThat(ids(page)).containsExactly(second);
		assertThat(ids(m.session().get(path(m.store()) + "?limit=1&cursor=" + page.json().path("nextCursor").asString())))
			.containsExactly(first);
		assertThat(m.session().get(path(m.store()) + "?status=lost").code()).isEqualTo("VALIDATION_FAILED");
		assertThat(m.session().get(path(m.store()) + "?cursor=abc").code()).isEqualTo("INVALID_CURSOR");

		// a week later the other one has expired: listed so, and it cannot be cancelled
		this.clock.set(Instant.now().plus(Duration.ofDays(8)));
		assertThat(ids(m.session().get(path(m.store()) + "?status=expired"))).containsExactly(second);
		assertThat(m.session().get(path(m.store()) + "/" + second).json().path("status").asString()).isEqualTo("expired");
		assertThat(m.session().post(path(m.store()) + "/" + second + "/cancel", null).code()).isEqualTo("LINK_NOT_ACTIVE");
	}

	@Test
	void anotherMerchantsStoreIsNotFound() {
		Merchant m = merchant();
		Merchant other = merchant();
		String link = m.session().post(path(m.store()), body("10.00", TestData.unique("PBL"))).json().path("id").asString();

		assertThat(other.session().post(path(m.store()), body("10.00", TestData.unique("PBL"))).status()).isEqualTo(404);
		assertThat(other.session().get(path(m.store())).status()).isEqualTo(404);
		assertThat(other.session().get(path(m.store()) + "/" + link).status()).isEqualTo(404);
		assertThat(other.session().post(path(m.store()) + "/" + link + "/cancel", null).status()).isEqualTo(404);
		// the merchant's own link through a store of the other merchant: still not found
		assertThat(other.session().get(path(other.store()) + "/" + link).status()).isEqualTo(404);
		// a store outside the merchant's own node (its sibling) is foreign too
		assertThat(m.session().get(path(m.otherStore())).status()).isEqualTo(404);
		assertThat(m.session().get("/api/v1/stores/999999999/payment-links").status()).isEqualTo(404);
		assertThat(m.session().get(path(m.store()) + "/" + link).json().path("status").asString()).isEqualTo("active");
	}

	@Test
	void operatorsCreateForAnyStoreAndMachinesAndForgedRequestsAreRefused() {
		Merchant m = merchant();
		WebSession admin = WebSession.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
		var created = admin.post(path(m.store()), body("30.00", TestData.unique("PBL")));
		assertThat(created.status()).isEqualTo(201);
		assertThat(created.json().path("createdBy").asString()).isEqualTo("admin");
		assertThat(ids(m.session().get(path(m.store())))).as("the merchant sees it").hasSize(1);

		// an API key reaches only what its purpose allows (ingestion), as every store endpoint
		String key = admin.post("/api/v1/admin/api-keys", "{\"name\":\"" + TestData.unique("app") + "\",\"purpose\":\"INGEST\"}")
			.json().path("key").asString();
		assertThat(WebSession.withApiKey(this.port, key).post(path(m.store()), body("1.00", "K")).status()).isEqualTo(403);
		// a session's write needs the CSRF token
		var forged = m.session().postWithoutCsrf(path(m.store()), body("1.00", TestData.unique("PBL")));
		assertThat(forged.status()).isEqualTo(403);
		assertThat(forged.code()).isEqualTo("CSRF_TOKEN_INVALID");
		assertThat(WebSession.anonymous(this.port).get(path(m.store())).status()).isEqualTo(401);
	}

	private long audits(String reference) {
		return this.data.jdbc()
			.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'PAYMENT_LINK' AND outcome = 'SUCCESS' AND details LIKE :d")
			.param("d", "created " + reference + ":%")
			.query(Long.class)
			.single();
	}

	private static String withExpiry(String reference, Instant expiresAt) {
		return "{\"amount\":\"5.00\",\"reference\":\"" + reference + "\",\"expiresAt\":\"" + expiresAt + "\"}";
	}

	private static void assertRefused(WebSession.Response response, int status, String code, String field) {
		assertThat(response.status()).as(response.body()).isEqualTo(status);
		assertThat(response.code()).as(response.body()).isEqualTo(code);
		assertThat(response.json().path("fields").has(field)).as(response.body()).isTrue();
	}

	private static List<String> ids(WebSession.Response response) {
		assertThat(response.status()).as(response.body()).isEqualTo(200);
		return response.json().path("items").valueStream().map(item -> item.path("id").asString()).toList();
	}

}
