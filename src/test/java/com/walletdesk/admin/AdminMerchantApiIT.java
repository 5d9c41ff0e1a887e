package com.walletdesk.admin;

import java.util.List;
import java.util.Map;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static com.walletdesk.admin.AdminApiChecks.audit;
import static com.walletdesk.admin.AdminApiChecks.refusedChange;
import static org.assertj.core.api.Assertions.assertThat;

/** POST/PATCH /api/v1/admin/merchants: shapes, validation, license switch, audit, operators only. */
@IntegrationTest
class AdminMerchantApiIT {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	WebSession admin;

	@BeforeEach
	void signIn() {
		this.admin = WebSession.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
	}

	@Test
	void createsAGroupAndAStoreUnderIt() {
		String name = TestData.unique("Grupo Lusitano");
		var group = this.admin.post("/api/v1/admin/merchants",
				"{\"kind\":\"GROUP\",\"name\":\"" + name + "\",\"location\":\"Lisboa\"}");
		assertThat(group.status()).isEqualTo(201);
		JsonNode g = group.json();
		assertThat(g.path("id").isString()).isTrue();
		assertThat(g.path("parentId").isNull()).isTrue();
		assertThat(g.path("kind").asString()).isEqualTo("GROUP");
		assertThat(g.path("name").asString()).isEqualTo(name);
		assertThat(g.path("location").asString()).isEqualTo("Lisboa");
		assertThat(g.path("licenseActive").asBoolean()).isTrue();

		var store = this.admin.post("/api/v1/admin/merchants", """
				{"kind":"STORE","name":"Loja Chiado","parentId":"%s","location":"Rua Garrett 45",
				 "timezone":"Europe/Lisbon","currency":"EUR","locale":"pt-PT"}""".formatted(g.path("id").asString()));
		assertThat(store.status()).isEqualTo(201);
		JsonNode s = store.json();
		assertThat(s.path("parentId").asString()).isEqualTo(g.path("id").asString());
		assertThat(s.path("kind").asString()).isEqualTo("STORE");
		assertThat(s.path("timezone").asString()).isEqualTo("Europe/Lisbon");
		assertThat(s.path("currency").asString()).isEqualTo("EUR");
		assertThat(s.path("locale").asString()).isEqualTo("pt-PT");

		String listing = this.admin.get("/api/v1/merchants").body();
		assertThat(listing).contains("\"id\":\"" + s.path("id").asString() + "\"");

		List<Map<String, Object>> audit = audit(this.data, "merchant/" + s.path("id").asString());
		assertThat(audit).hasSize(1);
		assertThat(audit.get(0)).containsEntry("type", "ADMIN_CHANGE").containsEntry("outcome", "SUCCESS")
			.containsEntry("account", "admin");
		assertThat((String) audit.get(0).get("details")).contains("create merchant", "kind=\"STORE\"", "Loja Chiado");
	}

	@Test
	void refusesInvalidMerchantsNamingTheField() {
		MerchantNode group = this.data.group("group", null);
		MerchantNode store = this.data.eurStore(group.id());
		String parent = "\"parentId\":\"" + group.id() + "\"";
		String settings = "\"timezone\":\"Europe/Lisbon\",\"currency\":\"EUR\",\"locale\":\"pt-PT\"";
		invalid("{\"kind\":\"GROUP\"}", 400, "VALIDATION_FAILED", "name");
		invalid("{\"kind\":\"GROUP\",\"name\":\"  \"}", 400, "VALIDATION_FAILED", "name");
		invalid("{\"kind\":\"GROUP\",\"name\":\"" + "x".repeat(201) + "\"}", 400, "VALIDATION_FAILED", "name");
		invalid("{\"kind\":\"SHOP\",\"name\":\"x\"}", 400, "VALIDATION_FAILED", "kind");
		invalid("{\"name\":\"x\"}", 400, "VALIDATION_FAILED", "kind");
		invalid("{\"kind\":\"STORE\",\"name\":\"x\"," + settings + "}", 400, "VALIDATION_FAILED", "parentId");
		invalid("{\"kind\":\"STORE\",\"name\":\"x\"," + parent + ",\"currency\":\"EUR\",\"locale\":\"pt-PT\"}", 400,
				"VALIDATION_FAILED", "timezone");
		invalid("{\"kind\":\"STORE\",\"name\":\"x\"," + parent + ",\"timezone\":\"Mars/Olympus\",\"currency\":\"EUR\",\"locale\":\"pt-PT\"}",
				400, "VALIDATION_FAILED", "timezone");
		invalid("{\"kind\":\"STORE\",\"name\":\"x\"," + parent + ",\"timezone\":\"Europe/Lisbon\",\"currency\":\"EURO\",\"locale\":\"pt-PT\"}",
				400, "VALIDATION_FAILED", "currency");
		invalid("{\"kind\":\"STORE\",\"name\":\"x\"," + parent + ",\"timezone\":\"Europe/Lisbon\",\"currency\":\"EUR\",\"locale\":\"!!\"}",
				400, "VALIDATION_FAILED", "locale");
		invalid("{\"kind\":\"STORE\",\"name\":\"x\",\"parentId\":\"999999999\"," + settings + "}", 400, "UNKNOWN_PARENT", "parentId");
		invalid("{\"kind\":\"STORE\",\"name\":\"x\",\"parentId\":\"" + store.id() + "\"," + settings + "}", 400, "INVALID_PARENT",
				"parentId");
		invalid("{\"kind\":\"GROUP\",\"name\":\"x\",\"parentId\":\"abc\"}", 400, "VALIDATION_FAILED", "parentId");
		invalid("{\"kind\":\"GROUP\",\"name\":42}", 400, "VALIDATION_FAILED", "name");
		invalid("{\"kind\":\"GROUP\",\"name\":\"x\",\"licenseActive\":false}", 400, "VALIDATION_FAILED", "licenseActive");
		invalid("{\"kind\":\"GROUP\",\"name\":\"x\",\"owner\":\"me\"}", 400, "VALIDATION_FAILED", "owner");

		var malformed = this.admin.post("/api/v1/admin/merchants", "{\"kind\":");
		assertThat(malformed.status()).isEqualTo(400);
		assertThat(malformed.code()).isEqualTo("MALFORMED_REQUEST");
		assertThat(this.admin.post("/api/v1/admin/merchants", "[]").code()).isEqualTo("MALFORMED_REQUEST");
		assertThat(this.admin.post("/api/v1/admin/merchants", "").status()).isEqualTo(400);

		List<Map<String, Object>> refused = this.data.jdbc()
			.sql("SELECT outcome, details FROM audit_event WHERE type = 'ADMIN_CHANGE' AND details LIKE '%Mars/Olympus%'")
			.query()
			.listOfRows();
		assertThat(refused).as("refused changes are audited too").isNotEmpty();
		assertThat(refused.get(0).get("outcome")).isEqualTo("REFUSED");
	}

	@Test
	void changesAMerchantAndOnlyTheFieldsSent() {
		MerchantNode group = this.data.group("group", null);
		MerchantNode store = this.data.store("store", group.id(), "Europe/Paris", "EUR", "pt-PT");
		var renamed = this.admin.patch("/api/v1/admin/merchants/" + store.id(),
				"{\"name\":\"Loja Nova\",\"timezone\":\"Europe/Lisbon\"}");
		assertThat(renamed.status()).isEqualTo(200);
		assertThat(renamed.json().path("name").asString()).isEqualTo("Loja Nova");
		assertThat(renamed.json().path("timezone").asString()).isEqualTo("Europe/Lisbon");
		assertThat(renamed.json().path("location").asString()).as("unchanged").isEqualTo("Rua Augusta 1");
		assertThat(renamed.json().path("currency").asString()).isEqualTo("EUR");

		var currency = this.admin.patch("/api/v1/admin/merchants/" + store.id(), "{\"currency\":\"GBP\"}");
		assertThat(currency.status()).isEqualTo(422);
		assertThat(currency.code()).isEqualTo("CURRENCY_CHANGE_NOT_ALLOWED");
		assertThat(this.admin.patch("/api/v1/admin/merchants/" + store.id(), "{\"currency\":\"EUR\"}").status())
			.as("the same currency is no change").isEqualTo(200);

		refusedChange(this.admin, "/api/v1/admin/merchants/999999999", "{\"name\":\"x\"}", 404, "NOT_FOUND");
		refusedChange(this.admin, "/api/v1/admin/merchants/abc", "{\"name\":\"x\"}", 404, "NOT_FOUND");
		refusedChange(this.admin, "/api/v1/admin/merchants/" + store.id(), "{}", 400, "VALIDATION_FAILED");
		refusedChange(this.admin, "/api/v1/admin/merchants/" + store.id(), "{\"kind\":\"GROUP\"}", 400, "VALIDATION_FAILED");
		refusedChange(this.admin, "/api/v1/admin/merchants/" + store.id(), "{\"parentId\":\"1\"}", 400, "VALIDATION_FAILED");
		refusedChange(this.admin, "/api/v1/admin/merchants/" + store.id(), "{\"licenseActive\":\"no\"}", 400, "VALIDATION_FAILED");
		refusedChange(this.admin, "/api/v1/admin/merchants/" + store.id(), "{\"name\":\"\"}", 400, "VALIDATION_FAILED");
	}

	@Test
	void switchingALicenseOffStopsEveryUserBelow() {
		MerchantNode group = this.data.group("group", null);
		MerchantNode hq = this.data.group("hq", group.id());
		MerchantNode store = this.data.eurStore(hq.id());
		MerchantNode otherGroup = this.data.group("other", null);
		String storeUser = this.data.merchantUser(store.id(), false);
		String otherUser = this.data.merchantUser(otherGroup.id(), false);
		WebSession session = WebSession.signIn(this.port, storeUser, TestData.PASSWORD);
		WebSession otherSession = WebSession.signIn(this.port, otherUser, TestData.PASSWORD);
		assertThat(session.get("/api/v1/merchants").status()).isEqualTo(200);

		var off = this.admin.patch("/api/v1/admin/merchants/" + group.id(), "{\"licenseActive\":false}");
		assertThat(off.status()).isEqualTo(200);
		assertThat(off.json().path("licenseActive").asBoolean()).isFalse();

		var refused = session.get("/api/v1/stores/" + store.id() + "/transactions");
		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.code()).isEqualTo("LICENSE_INACTIVE");
		assertThat(WebSession.anonymous(this.port).submitLogin(storeUser, TestData.PASSWORD).header("Location"))
			.endsWith("/login?license");
		assertThat(otherSession.get("/api/v1/merchants").status()).as("other merchants carry on").isEqualTo(200);

		var on = this.admin.patch("/api/v1/admin/merchants/" + group.id(), "{\"licenseActive\":true}");
		assertThat(on.json().path("licenseActive").asBoolean()).isTrue();
		WebSession again = WebSession.signIn(this.port, storeUser, TestData.PASSWORD);
		assertThat(again.get("/api/v1/merchants").status()).isEqualTo(200);

		List<Map<String, Object>> audit = audit(this.data, "merchant/" + group.id());
		assertThat(audit).extracting(row -> (String) row.get("details"))
			.anyMatch(details -> details.contains("licenseActive=false"))
			.anyMatch(details -> details.contains("licenseActive=true"));
	}

	@Test
	void merchantsMayNotAdministrate() {
		MerchantNode group = this.data.group("group", null);
		WebSession merchant = WebSession.signIn(this.port, this.data.merchantUser(group.id(), true), TestData.PASSWORD);
		for (var response : List.of(
				merchant.post("/api/v1/admin/merchants", "{\"kind\":\"GROUP\",\"name\":\"mine\"}"),
				merchant.patch("/api/v1/admin/merchants/" + group.id(), "{\"licenseActive\":true}"),
				merchant.post("/api/v1/admin/users", "{\"username\":\"x\"}"),
				merchant.patch("/api/v1/admin/users/1", "{\"canRefund\":true}"))) {
			assertThat(response.status()).isEqualTo(403);
			assertThat(response.header("Content-Type")).startsWith("application/problem+json");
			assertThat(response.code()).isEqualTo("ACCESS_DENIED");
		}
		assertThat(audit(this.data, "merchant/" + group.id())).as("nothing changed").isEmpty();
	}

	private void invalid(String json, int status, String code, String field) {
		AdminApiChecks.refusedCreation(this.admin, "/api/v1/admin/merchants", json, status, code, field);
	}

}
