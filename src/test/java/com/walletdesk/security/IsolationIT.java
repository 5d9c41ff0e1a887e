package com.walletdesk.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4 section 6: thousands of (account, resource) pairs over every endpoint that reads
 * merchant data prove that no foreign row is ever returned (a foreign ID is a 404, never a
 * 403), a scope sent by the caller is ignored, and fuzzed parameters (jqwik generators: SQL
 * injection, malformed values, arbitrary Unicode) never give a 500 nor more rows than allowed.
 *
 * <p>
 * The endpoints are rows of {@link #ENDPOINTS}: a new endpoint is one more row (see the
 * list of those to add after the refund, ingestion and administration branches are merged).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IsolationIT {

	private static final String FROM = "2025-06-01";

	private static final String TO = "2025-06-10";

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	/** Who may see what: the world built once for all the tests of this class. */
	private final List<MerchantNode> stores = new ArrayList<>();

	private final Map<String, Long> txStore = new HashMap<>();

	private final List<Account> accounts = new ArrayList<>();

	record Account(String name, WebSession session, Set<Long> visibleStores, boolean operator) {

		boolean sees(long storeId) {
			return this.operator || this.visibleStores.contains(storeId);
		}

	}

	/** What an endpoint is asked about: a transaction or a store. */
	enum Kind {

		TRANSACTION, STORE

	}

	/**
	 * One endpoint that reads merchant data: how to ask it about a resource, and what a correct
	 * answer is for an account that may or may not see that resource.
	 */
	record Endpoint(String name, Kind kind, Function<String, String> path, String postBody, Check check) {

		Endpoint(String name, Kind kind, Function<String, String> path, Check check) {
			this(name, kind, path, null, check);
		}

		WebSession.Response call(WebSession session, String resource) {
			if (this.postBody == null) {
				return session.get(this.path.apply(resource));
			}
			return session.post(this.path.apply(resource), this.postBody,
					Map.of("Idempotency-Key", UUID.randomUUID().toString()));
		}

	}

	@FunctionalInterface
	interface Check {

		void verify(IsolationIT test, Account account, String resource, WebSession.Response response);

	}

	static final List<Endpoint> ENDPOINTS = List.of(
			new Endpoint("transaction detail", Kind.TRANSACTION, id -> "/api/v1/transactions/" + id,
					(t, account, id, response) -> {
						if (account.sees(t.txStore.get(id))) {
							assertThat(response.status()).isEqualTo(200);
							assertThat(response.json().path("id").asString()).isEqualTo(id);
						}
						else {
							assertThat(response.status()).as("a foreign transaction is unknown").isEqualTo(404);
							// exactly the answer for an ID that does not exist
							assertThat(response.json().path("detail").asString())
								.isEqualTo(t.unknownTransactionDetail(account));
							assertThat(response.body()).doesNotContain("amount").doesNotContain("storeName");
						}
					}),
			new Endpoint("all transactions search by ID", Kind.TRANSACTION,
					id -> "/api/v1/transactions?from=" + FROM + "&to=" + TO + "&q=" + id,
					(t, account, id, response) -> {
						assertThat(response.status()).isEqualTo(200);
						List<String> ids = t.ownRowsOnly(account, response);
						assertThat(ids.contains(id)).isEqualTo(account.sees(t.txStore.get(id)));
					}),
			new Endpoint("all transactions search, scope sent in the query", Kind.STORE,
					storeId -> "/api/v1/transactions?from=" + FROM + "&to=" + TO + "&scopeId=" + storeId + "&storeId="
							+ storeId + "&scope=all&limit=500",
					(t, account, storeId, response) -> {
						assertThat(response.status()).isEqualTo(200);
						t.ownRowsOnly(account, response);
					}),
			new Endpoint("transaction lookup", Kind.STORE,
					storeId -> "/api/v1/stores/" + storeId + "/transactions?from=" + FROM + "&to=" + TO + "&limit=500",
					(t, account, storeId, response) -> {
						if (account.sees(Long.parseLong(storeId))) {
							assertThat(response.status()).isEqualTo(200);
							List<String> ids = t.ownRowsOnly(account, response);
							assertThat(ids).isNotEmpty();
							ids.forEach(id -> assertThat(t.txStore.get(id)).isEqualTo(Long.parseLong(storeId)));
						}
						else {
							assertThat(response.status()).as("a foreign store is unknown").isEqualTo(404);
							assertThat(response.json().path("detail").asString()).isEqualTo(t.unknownStoreDetail(account));
						}
					}),
			new Endpoint("merchants list, scope sent in the query", Kind.STORE,
					storeId -> "/api/v1/merchants?scopeId=" + storeId + "&parentId=" + storeId,
					(t, account, storeId, response) -> {
						assertThat(response.status()).isEqualTo(200);
						for (JsonNode item : response.json().path("items")) {
							if ("STORE".equals(item.path("kind").asString())) {
								assertThat(account.sees(Long.parseLong(item.path("id").asString())))
									.as("store %s in the list", item.path("id").asString())
									.isTrue();
							}
						}
					}),
			new Endpoint("refunds of a charge", Kind.TRANSACTION, id -> "/api/v1/transactions/" + id + "/refunds",
					(t, account, id, response) -> {
						if (account.sees(t.txStore.get(id))) {
							assertThat(response.status()).isEqualTo(200);
							assertThat(response.json().path("items").isArray()).isTrue();
						}
						else {
							assertThat(response.status()).as("a foreign charge is unknown").isEqualTo(404);
							assertThat(response.body()).doesNotContain("amount");
						}
					}),
			// members no refund takes are refused before any charge is looked up (issue 15): the
			// same answer for a foreign charge as for one's own, so nothing is told apart
			new Endpoint("refund a charge, scope sent in the body", Kind.TRANSACTION,
					id -> "/api/v1/transactions/" + id + "/refunds",
					"{\"amount\":\"1.00\",\"reason\":\"isolation walk\",\"scopeId\":\"1\",\"storeId\":\"1\"}",
					(t, account, id, response) -> {
						assertThat(response.status()).as(response.body()).isEqualTo(400);
						assertThat(response.code()).isEqualTo("VALIDATION_FAILED");
						assertThat(response.json().path("fields").has("scopeId")).isTrue();
						assertThat(t.reservedOrRefunded(id)).as("nothing refunded or reserved on " + id).isZero();
					}),
			new Endpoint("refund a charge", Kind.TRANSACTION, id -> "/api/v1/transactions/" + id + "/refunds",
					"{\"amount\":\"1.00\",\"reason\":\"isolation walk\"}",
					(t, account, id, response) -> {
						if (!account.sees(t.txStore.get(id))) {
							assertThat(response.status()).as("a foreign charge is unknown").isEqualTo(404);
						}
						else {
							// the walk's charges are of 2025, so today's balance refuses the privileged
							assertThat(response.status()).as(response.body()).isIn(403, 422);
						}
						assertThat(t.reservedOrRefunded(id)).as("nothing refunded or reserved on " + id).isZero();
					}));

	/** What the charge has refunded plus reserved, straight from the table. */
	long reservedOrRefunded(String chargeId) {
		return this.data.jdbc()
			.sql("SELECT refunded + refund_pending FROM wallet_transaction WHERE id = :id")
			.param("id", chargeId)
			.query(Long.class)
			.single();
	}

	@BeforeAll
	void buildTwoTenants() {
		MerchantNode a = this.data.group("tenant-a", null);
		MerchantNode a1 = this.data.group("a-region-1", a.id());
		MerchantNode a2 = this.data.group("a-region-2", a.id());
		MerchantNode b = this.data.group("tenant-b", null);
		MerchantNode b1 = this.data.group("b-region-1", b.id());
		MerchantNode a1s1 = store("a1s1", a1);
		MerchantNode a1s2 = store("a1s2", a1);
		MerchantNode a2s1 = store("a2s1", a2);
		MerchantNode b1s1 = store("b1s1", b1);
		MerchantNode b1s2 = store("b1s2", b1);
		Random random = new Random(42);
		for (MerchantNode store : this.stores) {
			for (int i = 0; i < 24; i++) {
				Instant at = Instant.parse("2025-06-02T08:00:00Z").plusSeconds(random.nextInt(6 * 24 * 3600));
				var tx = this.data.tx(store).at(at).amount(100 + random.nextInt(100_000));
				if (i % 3 == 0) {
					tx.payByLink("REF-" + store.id() + "-" + i);
				}
				this.txStore.put(tx.save(), store.id());
			}
		}
		account("tenant A", a, ids(a1s1, a1s2, a2s1));
		account("region A1", a1, ids(a1s1, a1s2));
		account("store A1-1", a1s1, ids(a1s1));
		account("region A2", a2, ids(a2s1));
		account("tenant B", b, ids(b1s1, b1s2));
		account("store B1-2", b1s2, ids(b1s2));
		account("refunder at region A1", a1, ids(a1s1, a1s2), true);
		this.accounts.add(new Account("operator", WebSession.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD),
				Set.of(), true));
	}

	@Test
	void noAccountEverReceivesAForeignRow() {
		int pairs = 0;
		for (Endpoint endpoint : ENDPOINTS) {
			List<String> resources = endpoint.kind() == Kind.TRANSACTION ? new ArrayList<>(this.txStore.keySet())
					: this.stores.stream().map(s -> String.valueOf(s.id())).toList();
			for (Account account : this.accounts) {
				for (String resource : resources) {
					var response = endpoint.call(account.session(), resource);
					try {
						endpoint.check().verify(this, account, resource, response);
					}
					catch (AssertionError ex) {
						throw new AssertionError(endpoint.name() + " / " + account.name() + " / " + resource + ": "
								+ ex.getMessage(), ex);
					}
					pairs++;
				}
			}
		}
		System.out.printf("isolation: %d (account, resource) pairs over %d endpoints%n", pairs, ENDPOINTS.size());
		assertThat(pairs).as("(account, resource) pairs checked").isGreaterThanOrEqualTo(2000);
	}

	@Test
	void fuzzedParametersNeverGiveA500NorMoreRowsThanAllowed() {
		Arbitrary<String> value = Arbitraries.oneOf(
				Arbitraries.of("' OR '1'='1", "1' OR 1=1 --", "'; DROP TABLE wallet_transaction; --",
						"\" OR \"\"=\"", "1 UNION SELECT * FROM account --", "%", "_", "%%", "\\", "' AND SLEEP(5) --",
						"$(reboot)", "../../etc/passwd", "<script>alert(1)</script>", "${7*7}", "{{7*7}}",
						"\u0000", "\uFEFF", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "NaN", "-1", "0", "501", "2147483648", "1e3",
						"2025-02-30", "2025-06-01T00:00:00Z", "9999-12-31", "0000-01-01", "+2025-06-01",
						"djE6bjoxOjI4MDAyNDA2NTQ1MQ", "v1:o:1:280024065451", "alipay", "WeChat Pay", "refund",
						"REF-", "28", "280024065451", " "),
				Arbitraries.strings().all().ofMaxLength(80), Arbitraries.strings().numeric().ofMaxLength(14),
				Arbitraries.strings().withChars("%_'\"\\;-*/()=<>").ofMaxLength(20), Arbitraries.just(""));
		Random random = new Random(7);
		List<String> parameters = List.of("q", "from", "to", "limit", "cursor");
		int calls = 0;
		for (Account account : this.accounts.subList(0, 6)) {
			List<String> samples = value.sampleStream().limit(120).toList();
			for (String sample : samples) {
				String parameter = parameters.get(random.nextInt(parameters.size()));
				String encoded = URLEncoder.encode(sample, StandardCharsets.UTF_8);
				long store = this.stores.get(random.nextInt(this.stores.size())).id();
				for (String base : List.of("/api/v1/transactions?from=" + FROM + "&to=" + TO,
						"/api/v1/stores/" + store + "/transactions?from=" + FROM + "&to=" + TO)) {
					String path = base.replaceAll("&?" + parameter + "=[^&]*", "") + "&" + parameter + "=" + encoded;
					var response = account.session().get(path.replace("?&", "?"));
					calls++;
					assertThat(response.status()).as(path).isIn(200, 400, 404);
					if (response.status() == 200) {
						List<String> ids = ownRowsOnly(account, response);
						int limit = parameter.equals("limit") ? parseLimit(sample) : 50;
						assertThat(ids.size()).as(path).isLessThanOrEqualTo(limit);
					}
					else {
						assertThat(response.header("Content-Type")).startsWith("application/problem+json");
						assertThat(response.code()).isNotBlank().isNotEqualTo("INTERNAL_ERROR");
					}
				}
			}
			// path variables too
			for (String sample : value.sampleStream().limit(40).toList()) {
				String encoded = URLEncoder.encode(sample, StandardCharsets.UTF_8).replace("+", "%20");
				for (String path : List.of("/api/v1/transactions/" + encoded, "/api/v1/stores/" + encoded
						+ "/transactions")) {
					var response = account.session().get(path);
					calls++;
					assertThat(response.status()).as(path).isIn(400, 404, 200);
					if (response.status() == 200) {
						ownRowsOnly(account, response);
					}
				}
			}
		}
		System.out.printf("fuzzing: %d requests with generated parameters%n", calls);
		assertThat(calls).isGreaterThan(1500);
	}

	private final Map<String, String> unknownAnswers = new HashMap<>();

	/** What the API says about a transaction ID that exists nowhere. */
	String unknownTransactionDetail(Account account) {
		return this.unknownAnswers.computeIfAbsent("tx " + account.name(),
				k -> account.session().get("/api/v1/transactions/099999999999").json().path("detail").asString());
	}

	/** What the API says about a store ID that exists nowhere. */
	String unknownStoreDetail(Account account) {
		return this.unknownAnswers.computeIfAbsent("store " + account.name(),
				k -> account.session().get("/api/v1/stores/987654321987/transactions").json().path("detail").asString());
	}

	/** The IDs of the answer's rows, after checking each belongs to a store the account may see. */
	List<String> ownRowsOnly(Account account, WebSession.Response response) {
		JsonNode json = response.json();
		List<String> ids = new ArrayList<>();
		JsonNode items = json.has("items") ? json.path("items") : null;
		if (items == null) {
			ids.add(json.path("id").asString());
			assertThat(account.sees(json.path("storeId").asLong())).isTrue();
			return ids;
		}
		for (JsonNode item : items) {
			long storeId = Long.parseLong(item.path("storeId").asString());
			assertThat(account.sees(storeId)).as("row %s of store %d", item.path("id").asString(), storeId).isTrue();
			ids.add(item.path("id").asString());
		}
		return ids;
	}

	private static int parseLimit(String sample) {
		try {
			return Integer.parseInt(sample.strip());
		}
		catch (NumberFormatException ex) {
			return 50;
		}
	}

	private MerchantNode store(String name, MerchantNode parent) {
		MerchantNode store = this.data.eurStore(parent.id());
		this.stores.add(store);
		return store;
	}

	private static Set<Long> ids(MerchantNode... stores) {
		Set<Long> ids = new HashSet<>();
		for (MerchantNode store : stores) {
			ids.add(store.id());
		}
		return ids;
	}

	private void account(String name, MerchantNode scope, Set<Long> visible) {
		account(name, scope, visible, false);
	}

	private void account(String name, MerchantNode scope, Set<Long> visible, boolean canRefund) {
		String username = this.data.merchantUser(scope.id(), canRefund);
		this.accounts.add(new Account(name, WebSession.signIn(this.port, username, TestData.PASSWORD), visible, false));
	}

}
