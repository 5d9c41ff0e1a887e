package com.walletdesk.demo;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import com.walletdesk.WalletdeskApplication;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestDatabase;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts a second application on an empty database (a fresh H2, or a schema of its own on
 * PostgreSQL), lets it load the demo data as a first start would, and checks what is there,
 * how long it took, and that the demo sign-ins work. Also measures Transaction Lookup on it.
 */
@IntegrationTest
class DemoDataIT {

	private static final String SCHEMA = "demo_it";

	/** The bound. */
	private static final long MAX_MILLIS = 5_000;

	@Test
	void loadsIntoAnEmptyDatabaseOnFirstStart() throws Exception {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--spring.main.banner-mode=off",
				"--walletdesk.bootstrap.admin-password=Demo-Admin-Passw0rd-1"));
		if (TestDatabase.isPostgres()) {
			dropSchema();
			String url = TestDatabase.postgresUrl();
			args.addAll(List.of("--spring.datasource.url=" + url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
					"--spring.datasource.username=" + TestDatabase.postgresUser(),
					"--spring.datasource.password=" + TestDatabase.postgresPassword(), "--spring.flyway.schemas=" + SCHEMA,
					"--walletdesk.demo.enabled=true"));
		}
		else {
			// walletdesk.demo.enabled left unset: on by default on H2
			args.addAll(List.of("--spring.datasource.url=" + TestDatabase.newH2Url(), "--spring.datasource.username=sa",
					"--spring.datasource.password="));
		}
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(WalletdeskApplication.class)
			.run(args.toArray(String[]::new))) {
			DemoData demo = app.getBean(DemoData.class);
			DemoData.Result load = demo.lastLoad();
			assertThat(load).as("loaded on the first start").isNotNull();
			System.out.printf("[demo] %s: loaded %,d transactions (%d refunds) in %d ms (CPU of the loading thread %d ms)%n",
					TestDatabase.isPostgres() ? "PostgreSQL" : "H2", load.loaded().transactions(), load.loaded().refunds(),
					load.took().toMillis(), load.cpu().toMillis());

			JdbcClient jdbc = app.getBean(JdbcClient.class);
			checkMerchants(jdbc);
			checkTransactions(jdbc);
			int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
			checkSignIns(jdbc, port);

			long before = count(jdbc, "SELECT COUNT(*) FROM wallet_transaction");
			demo.run(null);
			assertThat(count(jdbc, "SELECT COUNT(*) FROM wallet_transaction")).as("a second start loads nothing")
				.isEqualTo(before);
			assertLoadTime(load);
		}
		finally {
			if (TestDatabase.isPostgres()) {
				dropSchema();
			}
		}
	}

	/**
	 * Under 5 s of wall-clock time. On a machine running more threads than it has cores (five
	 * builds sharing two, say) wall-clock time measures the queue, not us: then the loading
	 * thread's CPU time must stay under the bound instead, and the test says so.
	 */
	private static void assertLoadTime(DemoData.Result load) {
		double loadAverage = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
		int cpus = Runtime.getRuntime().availableProcessors();
		if (loadAverage >= 0 && loadAverage > cpus) {
			System.out.printf("[demo] load average %.1f on %d CPUs: asserting CPU time (%d ms), not wall-clock time (%d ms)%n",
					loadAverage, cpus, load.cpu().toMillis(), load.took().toMillis());
			assertThat(load.cpu()).as("CPU time of the demo load").isLessThan(Duration.ofMillis(MAX_MILLIS));
		}
		else {
			assertThat(load.took()).as("the demo data loads in under " + MAX_MILLIS + " ms")
				.isLessThan(Duration.ofMillis(MAX_MILLIS));
		}
	}

	private static void checkMerchants(JdbcClient jdbc) {
		assertThat(count(jdbc, "SELECT COUNT(*) FROM merchant_node WHERE parent_id IS NULL")).as("merchant groups")
			.isGreaterThanOrEqualTo(2);
		// a headquarters over several stores in Lisbon and Paris
		List<Map<String, Object>> hqStores = jdbc.sql("""
				SELECT s.timezone, s.currency, s.locale FROM merchant_node s JOIN merchant_node hq ON s.parent_id = hq.id
				WHERE hq.name = 'Lusitano Headquarters' AND hq.parent_id IS NOT NULL AND s.kind = 'STORE'""").query().listOfRows();
		assertThat(hqStores).hasSizeGreaterThanOrEqualTo(3);
		assertThat(hqStores).extracting(row -> row.get("timezone")).contains("Europe/Lisbon", "Europe/Paris");
		assertThat(hqStores).allSatisfy(row -> {
			assertThat(((String) row.get("currency")).trim()).isEqualTo("EUR");
			assertThat(row.get("locale")).isEqualTo("pt-PT");
		});
		assertThat(count(jdbc, "SELECT COUNT(*) FROM merchant_node WHERE kind = 'STORE' AND currency = 'JPY' AND timezone = 'Asia/Tokyo'"))
			.isPositive();
		assertThat(count(jdbc, "SELECT COUNT(*) FROM merchant_node WHERE license_active = FALSE")).as("one license off")
			.isEqualTo(1);
	}

	private static void checkTransactions(JdbcClient jdbc) {
		assertThat(count(jdbc, "SELECT COUNT(*) FROM wallet_transaction")).isGreaterThanOrEqualTo(20_000);
		Instant now = Instant.now();
		Instant oldest = jdbc.sql("SELECT MIN(created_at) FROM wallet_transaction").query(java.time.OffsetDateTime.class)
			.single().toInstant();
		Instant newest = jdbc.sql("SELECT MAX(created_at) FROM wallet_transaction").query(java.time.OffsetDateTime.class)
			.single().toInstant();
		assertThat(oldest).as("within the last 90 days").isAfter(now.minus(91, ChronoUnit.DAYS));
		assertThat(newest).as("up to today, never in the future").isBefore(now).isAfter(now.minus(2, ChronoUnit.DAYS));
		for (String condition : List.of("method = 'ALP'", "method = 'WXP'", "channel = 'APP'", "channel = 'PAY_BY_LINK'",
				"tip > 0", "card_number IS NOT NULL", "terminal_id IS NOT NULL", "login_code IS NOT NULL",
				"currency = 'JPY'", "type = 'refund'")) {
			assertThat(count(jdbc, "SELECT COUNT(*) FROM wallet_transaction WHERE " + condition)).as(condition).isPositive();
		}
		assertThat(jdbc.sql("SELECT reference FROM wallet_transaction WHERE channel = 'PAY_BY_LINK'").query(String.class)
			.list()).allMatch(reference -> reference.matches("PBL-\\d{4}-\\d{6}"));
		assertThat(count(jdbc, "SELECT COUNT(*) FROM wallet_transaction WHERE channel = 'PAY_BY_LINK' AND reference IS NULL"))
			.isZero();
		// refunds made in the app name their charge, and every charge's refunded amount is in step
		assertThat(count(jdbc, """
				SELECT COUNT(*) FROM wallet_transaction r JOIN wallet_transaction c ON r.parent_id = c.id
				WHERE r.type = 'refund' AND (c.type <> 'charge' OR c.store_id <> r.store_id OR c.method <> r.method)""")).isZero();
		assertThat(count(jdbc, """
				SELECT COUNT(*) FROM wallet_transaction c WHERE c.type = 'charge'
				AND c.refunded <> COALESCE((SELECT SUM(r.amount) FROM wallet_transaction r WHERE r.parent_id = c.id), 0)""")).isZero();
		assertThat(count(jdbc, "SELECT COUNT(*) FROM wallet_transaction WHERE type = 'charge' AND refunded > 0")).isPositive();
		// one store went quiet weeks ago, one has no transactions at all
		Instant quiet = jdbc.sql("""
				SELECT MAX(t.created_at) FROM wallet_transaction t JOIN merchant_node s ON s.id = t.store_id
				WHERE s.name LIKE '%Faro%'""").query(java.time.OffsetDateTime.class).single().toInstant();
		assertThat(quiet).as("weeks old").isBefore(now.minus(14, ChronoUnit.DAYS));
		assertThat(count(jdbc, """
				SELECT COUNT(*) FROM merchant_node s WHERE s.kind = 'STORE'
				AND NOT EXISTS (SELECT 1 FROM wallet_transaction t WHERE t.store_id = s.id)""")).isEqualTo(1);
	}

	private static void checkSignIns(JdbcClient jdbc, int port) {
		WebSession operator = WebSession.signIn(port, DemoAccount.OPERATOR.username(), DemoAccount.OPERATOR.password());
		assertThat(operator.get("/api/v1/me").json().path("role").asString()).isEqualTo("OPERATOR");
		WebSession hq = WebSession.signIn(port, DemoAccount.HEADQUARTERS.username(), DemoAccount.HEADQUARTERS.password());
		assertThat(hq.get("/api/v1/me").json().path("canRefund").asBoolean()).isTrue();
		WebSession store = WebSession.signIn(port, DemoAccount.STORE.username(), DemoAccount.STORE.password());
		assertThat(store.get("/api/v1/me").json().path("canRefund").asBoolean()).isFalse();
		assertThat(store.get("/api/v1/merchants").json().path("items").size()).as("one store").isEqualTo(1);
		WebSession tokyo = WebSession.signIn(port, DemoAccount.TOKYO.username(), DemoAccount.TOKYO.password());
		assertThat(tokyo.get("/api/v1/transactions").json().path("items").get(0).path("currency").asString()).isEqualTo("JPY");
		assertThat(WebSession.anonymous(port).submitLogin(DemoAccount.UNLICENSED.username(), DemoAccount.UNLICENSED.password())
			.header("Location")).endsWith("/login?license");
		for (DemoAccount account : DemoAccount.ALL) {
			assertThat(account.password()).hasSizeGreaterThanOrEqualTo(12).containsPattern("[A-Za-z]").containsPattern("\\d");
		}

		long chiado = jdbc.sql("SELECT id FROM merchant_node WHERE name = 'Lusitano Chiado'").query(Long.class).single();
		var first = hq.get("/api/v1/stores/" + chiado + "/transactions");
		assertThat(first.status()).isEqualTo(200);
		assertThat(first.json().path("items").size()).isEqualTo(50);
		String next = first.json().path("nextCursor").asString();
		measure("lookup, default period", hq, "/api/v1/stores/" + chiado + "/transactions");
		measure("lookup, next page", hq, "/api/v1/stores/" + chiado + "/transactions?cursor=" + next);
		measure("lookup, 90 days, search PBL-", hq, "/api/v1/stores/" + chiado + "/transactions?from="
				+ java.time.LocalDate.now().minusDays(89) + "&to=" + java.time.LocalDate.now() + "&q=PBL-2026-0001");
		measure("all transactions search", hq, "/api/v1/transactions");
	}

	private static void measure(String what, WebSession session, String path) {
		for (int i = 0; i < 5; i++) {
			session.get(path); // warm up
		}
		List<Long> micros = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			long started = System.nanoTime();
			var response = session.get(path);
			micros.add((System.nanoTime() - started) / 1_000);
			assertThat(response.status()).isEqualTo(200);
		}
		Collections.sort(micros);
		System.out.printf("[demo] %s: median %.1f ms, p90 %.1f ms over 30 requests%n", what, micros.get(15) / 1000.0,
				micros.get(27) / 1000.0);
	}

	private static long count(JdbcClient jdbc, String sql) {
		return jdbc.sql(sql).query(Long.class).single();
	}

	private static void dropSchema() throws Exception {
		try (Connection connection = DriverManager.getConnection(TestDatabase.postgresUrl(), TestDatabase.postgresUser(),
				TestDatabase.postgresPassword()); Statement statement = connection.createStatement()) {
			statement.execute("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
		}
	}

}
