package com.walletdesk.account.apikey;

import java.time.Duration;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 4 section 7: API keys. */
@IntegrationTest
class ApiKeyIT {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApiKeyService keys;

	@AfterEach
	void resetLimits() {
		this.keys.limiter().limits(200, Duration.ofSeconds(1));
	}

	private WebSession admin() {
		return WebSession.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
	}

	private record Created(String id, String key) {
	}

	private Created create(WebSession admin, String name) {
		var created = admin.post("/api/v1/admin/api-keys", "{\"name\":\"" + name + "\",\"purpose\":\"INGEST\"}");
		assertThat(created.status()).isEqualTo(201);
		return new Created(created.json().path("id").asString(), created.json().path("key").asString());
	}

	@Test
	void aKeyIsShownOnceAndStoredOnlyAsAHash() {
		WebSession admin = admin();
		Created key = create(admin, "pay-by-link");
		assertThat(key.id()).matches("\\d+");
		assertThat(key.key()).startsWith("wdk_").hasSize(4 + 43);
		String stored = this.jdbc.sql("SELECT key_hash FROM api_key WHERE id = :id")
			.param("id", Long.parseLong(key.id()))
			.query(String.class)
			.single();
		assertThat(stored).matches("[0-9a-f]{64}").isNotEqualTo(key.key());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM api_key WHERE key_hash = :k OR key_prefix = :k OR name = :k")
			.param("k", key.key())
			.query(Long.class)
			.single()).isZero();
		var list = admin.get("/api/v1/admin/api-keys");
		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body()).contains("pay-by-link").doesNotContain(key.key());
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE details LIKE :k OR resource LIKE :k")
			.param("k", "%" + key.key().substring(4, 20) + "%")
			.query(Long.class)
			.single()).as("the key never reaches the audit trail").isZero();
	}

	@Test
	void anIngestKeyReachesIngestionOnlyAndRecordsItsLastUse() {
		Created key = create(admin(), "app-backend");
		WebSession machine = WebSession.withApiKey(this.port, key.key());
		assertThat(lastUsed(key)).isNull();

		var ingest = machine.post("/api/v1/ingest/security-probe", "{}");
		assertThat(ingest.status()).as("no CSRF token needed with a key").isEqualTo(200);
		assertThat(ingest.json().path("name").asString()).isEqualTo("api-key:" + key.id());
		assertThat(ingest.json().path("authorities").get(0).asString()).isEqualTo("SCOPE_INGEST");
		assertThat(lastUsed(key)).isNotNull();
		assertThat(machine.cookie("SESSION")).as("a key keeps no session").isNull();

		for (String path : new String[] { "/api/v1/me", "/api/v1/transactions", "/api/v1/admin/api-keys",
				"/api/v1/admin/audit", "/api/v1/stores/1/transactions", "/" }) {
			var refused = machine.get(path);
			assertThat(refused.status()).as(path).isEqualTo(403);
		}
		assertThat(machine.post("/api/v1/admin/api-keys", "{\"name\":\"x\",\"purpose\":\"INGEST\"}").status())
			.isEqualTo(403);
	}

	@Test
	void anIngestKeyFeedsTransactionsThroughTheRealIngestionApiAndTheyAreAuditedUnderTheKey() {
		Created key = create(admin(), "pay-by-link-channel");
		WebSession machine = WebSession.withApiKey(this.port, key.key());
		com.walletdesk.merchant.MerchantNode group = this.data.group("keyed", null);
		com.walletdesk.merchant.MerchantNode store = this.data.eurStore(group.id());
		var ingested = machine.post("/api/v1/ingest/transactions", """
				{"storeId":"%d","type":"charge","method":"ALP","channel":"PAY_BY_LINK","amount":"25.90",
				 "currency":"EUR","createdAt":"2026-01-05T10:15:00Z","reference":"PBL-KEY-1"}""".formatted(store.id()));
		assertThat(ingested.status()).as(ingested.body()).isEqualTo(201);
		assertThat(ingested.json().path("accepted").asInt()).isEqualTo(1);
		String id = ingested.json().path("items").get(0).path("id").asString();
		assertThat(this.jdbc.sql("SELECT amount FROM wallet_transaction WHERE id = :id").param("id", id)
			.query(Long.class).single()).isEqualTo(25_90L);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'INGEST' AND account = :who")
			.param("who", "api-key:" + key.id())
			.query(Long.class)
			.single()).as("the ingestion is audited under the key's name").isEqualTo(1L);
		// the key may feed transactions in, never read them back
		assertThat(machine.get("/api/v1/transactions/" + id).status()).isEqualTo(403);
		assertThat(machine.get("/api/v1/stores/" + store.id() + "/transactions").status()).isEqualTo(403);
		assertThat(machine.post("/api/v1/transactions/" + id + "/refunds", "{\"reason\":\"x\"}",
				java.util.Map.of("Idempotency-Key", "k-" + id)).status()).isEqualTo(403);
	}

	@Test
	void aRevokedKeyStopsAtOnceAndAnUnknownKeyIsRefused() {
		WebSession admin = admin();
		Created key = create(admin, "to-revoke");
		WebSession machine = WebSession.withApiKey(this.port, key.key());
		assertThat(machine.post("/api/v1/ingest/security-probe", "{}").status()).isEqualTo(200);
		assertThat(admin.delete("/api/v1/admin/api-keys/" + key.id()).status()).isEqualTo(204);
		var revoked = machine.post("/api/v1/ingest/security-probe", "{}");
		assertThat(revoked.status()).isEqualTo(401);
		assertThat(revoked.code()).isEqualTo("INVALID_API_KEY");
		var forged = WebSession.withApiKey(this.port, "wdk_" + "A".repeat(43)).post("/api/v1/ingest/security-probe", "{}");
		assertThat(forged.status()).isEqualTo(401);
		assertThat(admin.delete("/api/v1/admin/api-keys/987654321").status()).isEqualTo(404);
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM audit_event WHERE type = 'ADMIN_CHANGE' AND resource = :r")
			.param("r", "api-key/" + key.id())
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	@Test
	void onlyOperatorsManageKeysAndOnlyValidRequestsCreateThem() {
		MerchantNode group = this.data.group("group", null);
		WebSession merchant = WebSession.signIn(this.port, this.data.merchantUser(group.id(), false), TestData.PASSWORD);
		assertThat(merchant.post("/api/v1/admin/api-keys", "{\"name\":\"x\",\"purpose\":\"INGEST\"}").status())
			.isEqualTo(403);
		WebSession admin = admin();
		var badPurpose = admin.post("/api/v1/admin/api-keys", "{\"name\":\"x\",\"purpose\":\"REFUND\"}");
		assertThat(badPurpose.status()).isEqualTo(400);
		assertThat(badPurpose.json().path("fields").has("purpose")).isTrue();
		assertThat(admin.post("/api/v1/admin/api-keys", "{\"purpose\":\"INGEST\"}").status()).isEqualTo(400);
		// an operator's session may ingest too (API.md: a Bearer key or an operator session)
		assertThat(admin.post("/api/v1/ingest/security-probe", "{}").status()).isEqualTo(200);
		assertThat(merchant.post("/api/v1/ingest/security-probe", "{}").status()).isEqualTo(403);
	}

	@Test
	void aKeyIsRateLimited() {
		Created key = create(admin(), "burst");
		this.keys.limiter().limits(5, Duration.ofMinutes(1));
		WebSession machine = WebSession.withApiKey(this.port, key.key());
		for (int i = 0; i < 5; i++) {
			assertThat(machine.post("/api/v1/ingest/security-probe", "{}").status()).isEqualTo(200);
		}
		var limited = machine.post("/api/v1/ingest/security-probe", "{}");
		assertThat(limited.status()).isEqualTo(429);
		assertThat(limited.code()).isEqualTo("TOO_MANY_REQUESTS");
		assertThat(limited.header("Retry-After")).matches("\\d+");
	}

	private java.time.OffsetDateTime lastUsed(Created key) {
		return this.jdbc.sql("SELECT last_used_at FROM api_key WHERE id = :id")
			.param("id", Long.parseLong(key.id()))
			.query(java.time.OffsetDateTime.class)
			.optional()
			.orElse(null);
	}

}
