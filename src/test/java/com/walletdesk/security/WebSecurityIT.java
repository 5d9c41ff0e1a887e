package com.walletdesk.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 4 section 5: security headers on every kind of answer, CSRF on every unsafe request,
 * no state change on GET, and output escaping.
 */
@IntegrationTest
class WebSecurityIT {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@org.springframework.beans.factory.annotation.Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private WebSession admin() {
		return WebSession.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
	}

	private static void assertSecurityHeaders(String what, WebSession.Response response) {
		String csp = response.header("Content-Security-Policy");
		assertThat(csp).as(what + " CSP").contains("script-src 'self'", "object-src 'none'", "base-uri 'none'",
				"frame-ancestors 'none'");
		assertThat(csp).as(what + " CSP").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval");
		assertThat(response.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
		assertThat(response.header("Referrer-Policy")).as(what).isEqualTo("same-origin");
		assertThat(response.header("X-Frame-Options")).as(what).isEqualTo("DENY");
	}

	@Test
	void everyKindOfAnswerCarriesTheSecurityHeaders() {
		MerchantNode group = this.data.group("group", null);
		WebSession merchant = WebSession.signIn(this.port, this.data.merchantUser(group.id(), false), TestData.PASSWORD);
		WebSession anonymous = WebSession.anonymous(this.port);
		Map<String, WebSession.Response> answers = new LinkedHashMap<>();
		answers.put("sign-in page", anonymous.get("/login"));
		answers.put("redirect to sign-in", anonymous.get("/"));
		answers.put("dashboard", merchant.get("/"));
		answers.put("stylesheet", anonymous.get("/css/walletdesk.css"));
		answers.put("script", anonymous.get("/js/walletdesk.js"));
		answers.put("webjar", anonymous.get("/webjars/htmx.org/dist/htmx.min.js"));
		answers.put("404 page", merchant.get("/no-such-page"));
		answers.put("404 static", anonymous.get("/css/no-such.css"));
		answers.put("400 page", admin().get("/admin/audit?limit=0"));
		answers.put("403 page", merchant.get("/admin/audit"));
		answers.put("401 API", anonymous.get("/api/v1/me"));
		answers.put("403 API", merchant.get("/api/v1/admin/audit"));
		answers.put("404 API", merchant.get("/api/v1/transactions/000000000001"));
		answers.put("400 API", merchant.get("/api/v1/transactions?limit=abc"));
		answers.put("405 API", merchant.get("/api/v1/me/password"));
		answers.put("CSRF 403", merchant.postWithoutCsrf("/api/v1/me/password", "{}"));
		answers.put("JSON", merchant.get("/api/v1/me"));
		answers.put("health", anonymous.get("/actuator/health"));
		answers.put("OpenAPI", anonymous.get("/v3/api-docs"));
		answers.forEach((what, response) -> {
			assertSecurityHeaders(what, response);
			assertThat(response.header("Strict-Transport-Security")).as(what + ": no HSTS over plain HTTP").isEmpty();
		});
		assertThat(answers.get("404 page").status()).isEqualTo(404);
		assertThat(answers.get("403 page").status()).isEqualTo(403);
		assertThat(answers.get("405 API").status()).isEqualTo(405);
	}

	@Test
	void hstsOverTls() {
		WebSession tls = WebSession.anonymous(this.port).header("X-Forwarded-Proto", "https");
		for (String path : List.of("/login", "/api/v1/me", "/css/walletdesk.css")) {
			var response = tls.get(path);
			assertThat(response.header("Strict-Transport-Security")).as(path)
				.isEqualTo("max-age=31536000 ; includeSubDomains");
			assertSecurityHeaders(path, response);
		}
	}

	@Test
	void unsafeRequestsWithoutAValidCsrfTokenAreRefused() {
		MerchantNode group = this.data.group("group", null);
		String user = this.data.merchantUser(group.id(), false);
		WebSession session = WebSession.signIn(this.port, user, TestData.PASSWORD);
		assertThat(session.get("/api/v1/me").status()).isEqualTo(200);
		String body = "{\"currentPassword\":\"" + TestData.PASSWORD + "\",\"newPassword\":\"Unsafe-request-77\"}";
		var post = session.postWithoutCsrf("/api/v1/me/password", body);
		assertThat(post.status()).isEqualTo(403);
		assertThat(post.code()).isEqualTo("CSRF_TOKEN_INVALID");
		var forged = session.post("/api/v1/me/password", body, Map.of("X-XSRF-TOKEN", "forged-token"));
		assertThat(forged.status()).isEqualTo(403);
		var form = session.form("/account/password",
				Map.of("currentPassword", TestData.PASSWORD, "newPassword", "Unsafe-request-77", "confirmPassword",
						"Unsafe-request-77"));
		assertThat(form.status()).isEqualTo(403);
		var logout = session.form("/logout", Map.of());
		assertThat(logout.status()).isEqualTo(403);
		assertThat(session.get("/api/v1/me").status()).as("still signed in, password unchanged").isEqualTo(200);
		WebSession.signIn(this.port, user, TestData.PASSWORD);
		// a GET never signs out
		session.get("/logout");
		assertThat(session.get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void noGetRequestChangesAnything() {
		MerchantNode group = this.data.group("group", null);
		MerchantNode store = this.data.eurStore(group.id());
		String txId = this.data.tx(store).at(Instant.parse("2025-05-05T10:00:00Z")).save();
		WebSession merchant = WebSession.signIn(this.port, this.data.merchantUser(store.id(), false), TestData.PASSWORD);
		WebSession operator = WebSession.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
		WebSession anonymous = WebSession.anonymous(this.port);
		long accountId = this.data.accountId("admin");

		// every GET the application maps, found from the handler mappings: new endpoints are walked too
		Set<String> paths = new TreeSet<>();
		this.mappings.getHandlerMethods().forEach((info, method) -> {
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (methods.isEmpty() || methods.contains(RequestMethod.GET)) { // (GET /error is the container's)
				info.getPatternValues().forEach(pattern -> paths.add(pattern));
			}
		});
		assertThat(paths).contains("/api/v1/transactions/{id}", "/admin/audit", "/account/mfa");

		paths.remove("/error");
		Map<String, String> before = snapshot();
		int calls = 0;
		for (String pattern : paths) {
			String path = pattern.replace("{storeId}", String.valueOf(store.id()))
				.replace("{id}", pattern.contains("/transactions/") ? txId : String.valueOf(accountId))
				.replaceAll("\\{[^}]+}", "1")
				.replace("/**", "/x");
			for (WebSession who : List.of(anonymous, merchant, operator)) {
				int status = who.get(path).status();
				assertThat(status).as("GET " + path).isLessThan(500);
				calls++;
			}
		}
		assertThat(calls).isGreaterThan(20);
		assertThat(snapshot()).as("no table changed through GET requests (the audit trail records reads)")
			.isEqualTo(before);
	}

	@Test
	void storeNamesReferencesAndTagsComeBackExactlyAsJsonAndEscapedInPages() {
		String payload = "<script>alert(1)</script>";
		MerchantNode group = this.data.group("grp" + payload, null);
		MerchantNode store = this.data.store("st" + payload, group.id(), "Europe/Lisbon", "EUR", "pt-PT");
		String txId = this.data.tx(store).at(Instant.parse("2025-05-06T10:00:00Z")).payByLink("r<b>\"'&" + payload).save();
		this.jdbc.sql("UPDATE wallet_transaction SET dispute_tag = :p, transaction_tag = :q WHERE id = :id")
			.param("p", "<img src=x onerror=alert(2)>")
			.param("q", "\"><svg onload=alert(3)>")
			.param("id", txId)
			.update();
		WebSession session = WebSession.signIn(this.port, this.data.merchantUser(store.id(), false), TestData.PASSWORD);
		var json = session.get("/api/v1/transactions/" + txId);
		assertThat(json.status()).isEqualTo(200);
		assertThat(json.header("Content-Type")).startsWith("application/json");
		assertThat(json.header("X-Content-Type-Options")).isEqualTo("nosniff");
		assertThat(json.json().path("storeName").asString()).contains("st" + payload);
		assertThat(json.json().path("location").asString()).contains(payload);
		assertThat(json.json().path("reference").asString()).isEqualTo("r<b>\"'&" + payload);
		assertThat(json.json().path("disputeTag").asString()).isEqualTo("<img src=x onerror=alert(2)>");
		assertThat(json.json().path("transactionTag").asString()).isEqualTo("\"><svg onload=alert(3)>");

		// the pages that exist today: sign-in, error and dashboard never echo markup
		String encoded = URLEncoder.encode(payload, StandardCharsets.UTF_8);
		for (String path : List.of("/login?error=" + encoded, "/login?" + encoded, "/no-such-" + encoded,
				"/?q=" + encoded, "/account/mfa?error=" + encoded)) {
			var page = session.get(path);
			assertThat(page.body()).as(path).doesNotContain(payload).doesNotContain("<script>alert");
		}
	}

	@Test
	void payloadsInNamesReferencesTagsAndReasonsAreEscapedOnEveryPageThatShowsThem() {
		String script = "<script>alert(1)</script>";
		String image = "<img src=x onerror=alert(2)>";
		String svg = "\"><svg onload=alert(3)>";
		MerchantNode group = this.data.group("grp" + script, null);
		MerchantNode store = this.data.store("st" + image, group.id(), "Europe/Lisbon", "EUR", "pt-PT");
		String charge = this.data.tx(store).amount(50_00).payByLink("ref" + svg).save(); // today: refundable
		this.jdbc.sql("UPDATE wallet_transaction SET dispute_tag = :p, transaction_tag = :q WHERE id = :id")
			.param("p", image)
			.param("q", svg)
			.param("id", charge)
			.update();
		WebSession refunder = WebSession.signIn(this.port, this.data.merchantUser(group.id(), true), TestData.PASSWORD);
		var refund = refunder.post("/api/v1/transactions/" + charge + "/refunds",
				"{\"amount\":\"1.00\",\"reason\":\"why" + script.replace("\"", "\\\"") + "\"}",
				Map.of("Idempotency-Key", "escape-" + charge));
		assertThat(refund.status()).as(refund.body()).isEqualTo(201);
		assertThat(refund.json().path("refund").path("reason").asString()).isEqualTo("why" + script);

		String today = java.time.LocalDate.now(java.time.ZoneId.of("Europe/Lisbon")).toString();
		String period = "?from=" + java.time.LocalDate.parse(today).minusDays(1) + "&to=" + today;
		Map<String, String> pages = new LinkedHashMap<>();
		pages.put("/", "tree");
		pages.put("/merchants/" + group.id(), "group");
		pages.put("/stores/" + store.id(), "store");
		pages.put("/stores/" + store.id() + "/transactions" + period, "lookup");
		pages.put("/transactions" + period, "search");
		pages.put("/transactions/" + charge + "/refunds", "refunds list");
		pages.put("/transactions/" + charge + "/refund", "refund dialog");
		for (Map.Entry<String, String> entry : pages.entrySet()) {
			for (boolean htmx : List.of(false, true)) {
				var page = htmx ? refunder.getHtmx(entry.getKey()) : refunder.get(entry.getKey());
				String what = entry.getValue() + (htmx ? " (htmx)" : "") + " " + entry.getKey();
				assertThat(page.status()).as(what).isEqualTo(200);
				assertThat(page.body()).as(what)
					.doesNotContain(script)
					.doesNotContain(image)
					.doesNotContain("<svg")
					.doesNotContain("<script>alert");
				assertThat(page.body()).as(what + ": the payload is shown, escaped")
					.containsAnyOf("&lt;script&gt;", "&lt;img", "&lt;svg");
			}
		}
		var lookup = refunder.get("/stores/" + store.id() + "/transactions" + period);
		assertThat(lookup.body()).contains("&lt;img src=x onerror=alert(2)&gt;").contains("&lt;svg onload=alert(3)&gt;");
		assertThat(refunder.getHtmx("/transactions/" + charge + "/refunds").body())
			.contains("why&lt;script&gt;alert(1)&lt;/script&gt;");
	}

	/** Every application table except sessions, the audit trail and Flyway's history, as text. */
	private Map<String, String> snapshot() {
		List<String> tables = this.jdbc.sql("""
				SELECT LOWER(table_name) FROM information_schema.tables
				WHERE LOWER(table_schema) = 'public' AND table_type IN ('BASE TABLE', 'TABLE')""")
			.query(String.class)
			.list();
		Map<String, String> snapshot = new LinkedHashMap<>();
		for (String table : new TreeSet<>(tables)) {
			if (table.startsWith("spring_session") || table.equals("audit_event") || table.startsWith("flyway")) {
				continue;
			}
			List<String> rows = new ArrayList<>();
			this.jdbc.sql("SELECT * FROM " + table).query(rs -> {
				StringBuilder row = new StringBuilder();
				for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
					row.append(rs.getString(c)).append('|');
				}
				rows.add(row.toString());
			});
			rows.sort(null);
			snapshot.put(table, String.join("\n", rows));
		}
		assertThat(snapshot).containsKeys("account", "merchant_node", "wallet_transaction", "api_key");
		return snapshot;
	}

}
