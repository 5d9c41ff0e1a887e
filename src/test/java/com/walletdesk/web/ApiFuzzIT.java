package com.walletdesk.web;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.walletdesk.account.signin.AttemptThrottle;
import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every operation of /v3/api-docs, signed in as each role, with valid, boundary and malformed
 * values for each parameter, header and body member ({@link ApiFuzzCases}). Fails on a 5xx, on
 * an error answer that is not problem JSON with a {@code code}, on a status the document does
 * not declare for the operation, and on a write answered with an error that changed any row
 * (issue 15: nothing done that the caller is not told of).
 */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiFuzzIT {

	/** The tables a request may write; the audit trail and sessions are written on refusals too. */
	static final List<String> TABLES = List.of("merchant_node", "account", "password_history", "mfa_recovery_code",
			"api_key", "wallet_transaction", "transaction_day_total", "refund", "sandbox_wallet_refund",
			"sandbox_wallet_setting", "transaction_import", "payment_link");

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AttemptThrottle throttle;

	MerchantNode store;

	MerchantNode victimStore;

	String charge;

	String victimUserId;

	String victimKeyId;

	final Map<String, Role> roles = new LinkedHashMap<>();

	/** A caller, signed in again should a case end its session. */
	static final class Role {

		final String name;

		final Supplier<WebSession> signIn;

		WebSession session;

		Role(String name, Supplier<WebSession> signIn) {
			this.name = name;
			this.signIn = signIn;
			this.session = signIn.get();
		}

		WebSession session() {
			if (!"anonymous".equals(this.name) && this.session.get("/api/v1/me").status() == 401) {
				this.session = this.signIn.get();
			}
			return this.session;
		}

	}

	@BeforeAll
	void setUp() {
		MerchantNode group = this.data.group("fuzz", null);
		this.store = this.data.eurStore(group.id());
		this.charge = this.data.tx(this.store).amount(1_000_000_00).at(Instant.now().minus(1, ChronoUnit.HOURS)).save();
		MerchantNode victims = this.data.group("fuzz-victims", null);
		this.victimStore = this.data.eurStore(victims.id());
		this.victimUserId = Long.toString(this.data.accountId(this.data.merchantUser(this.victimStore.id(), false)));
		String merchant = this.data.merchantUser(this.store.id(), false);
		String refunder = this.data.merchantUser(this.store.id(), true);
		String operator = this.data.operator();
		WebSession admin = WebSession.signIn(this.port, operator, TestData.PASSWORD);
		var victimKey = admin.post("/api/v1/admin/api-keys", "{\"name\":\"fuzz-victim\",\"purpose\":\"INGEST\"}");
		this.victimKeyId = victimKey.json().path("id").asString();
		String ingestKey = admin.post("/api/v1/admin/api-keys", "{\"name\":\"fuzz\",\"purpose\":\"INGEST\"}").json()
			.path("key").asString();
		this.roles.put("anonymous", new Role("anonymous", () -> WebSession.anonymous(this.port)));
		this.roles.put("merchant", new Role("merchant", () -> WebSession.signIn(this.port, merchant, TestData.PASSWORD)));
		this.roles.put("refunder", new Role("refunder", () -> WebSession.signIn(this.port, refunder, TestData.PASSWORD)));
		this.roles.put("operator", new Role("operator", () -> WebSession.signIn(this.port, operator, TestData.PASSWORD)));
		this.roles.put("ingest key", new Role("ingest key", () -> WebSession.withApiKey(this.port, ingestKey)));
	}

	/** The sandbox wallet's settings are the application's: leave them as the other tests expect. */
	@AfterAll
	void resetTheSandbox() {
		this.roles.get("operator").session().delete("/api/v1/admin/sandbox");
		// the wrong MFA codes and passwords sent here were failures of this test's address
		this.throttle.forgetAttempts();
	}

	@TestFactory
	Stream<DynamicTest> everyOperationAnswersWithinItsContract() {
		JsonNode doc = WebSession.anonymous(this.port).get("/v3/api-docs").json();
		ApiFuzzCases fuzz = new ApiFuzzCases(doc, this::validPathValue, memberValues());
		Map<String, Set<Integer>> declared = fuzz.declaredStatuses();
		assertThat(declared).as("the document lists the API").hasSizeGreaterThan(20);
		return fuzz.cases().entrySet().stream().map(operation -> DynamicTest.dynamicTest(operation.getKey(),
				() -> fuzzOperation(operation.getValue(), declared.get(operation.getKey()))));
	}

	private void fuzzOperation(List<ApiFuzzCases.Case> cases, Set<Integer> declared) {
		List<String> failures = new ArrayList<>();
		for (Role role : this.roles.values()) {
			for (ApiFuzzCases.Case c : cases) {
				String failure = check(role, c, declared);
				if (failure != null) {
					failures.add(role.name + ": " + c + " -> " + failure);
				}
			}
		}
		assertThat(failures).as("answers outside the contract (declared: %s)", declared).isEmpty();
	}

	private String check(Role role, ApiFuzzCases.Case c, Set<Integer> declared) {
		WebSession session = role.session();
		Map<String, Long> before = c.isWrite() ? rowCounts() : null;
		WebSession.Response answer;
		try {
			answer = session.send(c.method(), c.path(), freshIdempotencyKey(c.headers()), c.body());
		}
		catch (IllegalArgumentException notSendable) {
			return null; // a header value the JDK's client will not send (e.g. a tab); RawHttp tests cover those
		}
		int status = answer.status();
		if (status >= 500) {
			return status + " " + abbreviate(answer.body());
		}
		if (!declared.contains(status)) {
			return "undeclared status " + status + " " + abbreviate(answer.body());
		}
		if (status >= 400) {
			if (!answer.header("Content-Type").startsWith("application/problem+json") || code(answer).isEmpty()) {
				return status + " is not problem JSON with a code: " + answer.header("Content-Type") + " " + abbreviate(answer.body());
			}
			if (before != null) {
				Map<String, Long> after = rowCounts();
				if (!before.equals(after)) {
					return status + " " + code(answer) + " but rows changed: " + before + " -> " + after;
				}
			}
		}
		return null;
	}

	private static Map<String, String> freshIdempotencyKey(Map<String, String> headers) {
		String key = headers.get("Idempotency-Key");
		if (key == null || !key.startsWith("fuzz-")) {
			return headers;
		}
		Map<String, String> fresh = new LinkedHashMap<>(headers);
		fresh.put("Idempotency-Key", "fuzz-" + UUID.randomUUID());
		return fresh;
	}

	private Map<String, Long> rowCounts() {
		Map<String, Long> counts = new LinkedHashMap<>();
		for (String table : TABLES) {
			counts.put(table, this.jdbc.sql("SELECT COUNT(*) FROM " + table).query(Long.class).single());
		}
		return counts;
	}

	/** Real IDs where the caller can reach them; the operator's writes fall on victims of their own. */
	private String validPathValue(String template, String name) {
		if (template.startsWith("/api/v1/admin/users/")) {
			return this.victimUserId;
		}
		if (template.startsWith("/api/v1/admin/api-keys/")) {
			return this.victimKeyId;
		}
		if (template.startsWith("/api/v1/admin/")) {
			return Long.toString(this.victimStore.id());
		}
		if (template.startsWith("/api/v1/transactions/")) {
			return this.charge;
		}
		return Long.toString(this.store.id());
	}

	/** Valid members by name, as JSON text; a member not listed gets a value from its schema. */
	private Map<String, String> memberValues() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("amount", "\"1.00\"");
		values.put("tip", "\"0.00\"");
		values.put("currency", "\"EUR\"");
		values.put("reason", "\"fuzz\"");
		values.put("storeId", "\"" + this.store.id() + "\"");
		values.put("scopeId", "\"" + this.victimStore.id() + "\"");
		values.put("parentId", "null");
		// the merchants created go below the victims' group: new roots would crowd the other tests' trees
		values.put("/api/v1/admin/merchants#parentId", "\"" + this.victimStore.parentId() + "\"");
		values.put("id", "null");
		values.put("username", "\"fuzz-" + UUID.randomUUID().toString().substring(0, 8) + "\"");
		values.put("password", "\"Fuzz-Passw0rd-2026-x\"");
		values.put("currentPassword", "\"" + TestData.PASSWORD + "\"");
		// the same as the current one (refused): a changed password would end the fuzzing user's sign-ins
		values.put("newPassword", "\"" + TestData.PASSWORD + "\"");
		values.put("timezone", "\"Europe/Paris\"");
		values.put("locale", "\"fr-FR\"");
		values.put("purpose", "\"INGEST\"");
		values.put("role", "\"MERCHANT\"");
		values.put("mode", "\"APPROVE\"");
		values.put("delayMs", "0");
		values.put("createdAt", "\"" + Instant.now().minus(1, ChronoUnit.HOURS) + "\"");
		values.put("code", "\"000000\"");
		values.put("expiresAt", "\"" + Instant.now().plus(1, ChronoUnit.DAYS) + "\"");
		values.put("methods", "[\"ALP\"]");
		return values;
	}

	private static String code(WebSession.Response answer) {
		try {
			return answer.code();
		}
		catch (RuntimeException unreadable) {
			return "";
		}
	}

	private static String abbreviate(String body) {
		return body.length() > 200 ? body.substring(0, 200) + "..." : body;
	}

}
