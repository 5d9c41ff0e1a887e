package com.walletdesk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import com.walletdesk.WalletdeskApplication;
import com.walletdesk.account.AccountService;
import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService;
import com.walletdesk.support.WebSession;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Summary API speed, a command (bench/summary.sh), not a test. Starts the whole application on
 * PostgreSQL, makes sure one store holds {@code bench.rows} transactions in one month (100,000
 * by default: nine charges to one app refund, both methods; generated once in SQL and kept),
 * signs in a merchant and asks for the store's summary of that month over HTTP, one request
 * after another. Prints the database plan's first lines, and p50/p95/max of the response time
 * (target: p95 at most 50 ms).
 *
 * <p>Properties: bench.url / bench.user / bench.password (database, default walletdesk_bench_19a),
 * bench.rows (100000), bench.requests (200, after 20 to warm up), bench.q (a search, default none).
 */
public final class SummaryBenchmark {

	private static final String PASSWORD = "Bench-Passw0rd-2026";

	private static final String STORE = "summary-bench-store";

	public static void main(String[] args) throws Exception {
		String url = System.getProperty("bench.url", Optional.ofNullable(System.getenv("WALLETDESK_BENCH_PG_URL"))
			.orElse("jdbc:postgresql://127.0.0.1:5432/walletdesk_bench_19a"));
		ConfigurableApplicationContext app = new SpringApplicationBuilder(WalletdeskApplication.class).run(
				"--spring.datasource.url=" + url,
				"--spring.datasource.username=" + System.getProperty("bench.user", "walletdesk"),
				"--spring.datasource.password=" + System.getProperty("bench.password", "walletdesk"), "--server.port=0",
				"--walletdesk.demo.enabled=false", "--walletdesk.bootstrap.admin-password=Operator-Passw0rd-2026",
				"--walletdesk.refund.reconcile.enabled=false", "--spring.main.banner-mode=off",
				"--logging.level.root=WARN", "--logging.level.com.walletdesk=WARN");
		int exit = 1;
		try {
			exit = run(app, Integer.getInteger("bench.rows", 100_000), Integer.getInteger("bench.requests", 200));
		}
		finally {
			app.close();
		}
		System.exit(exit);
	}

	private static int run(ConfigurableApplicationContext app, int rows, int requests) throws Exception {
		int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		MerchantNode store = storeWithRows(app, jdbc, rows);
		String username = ("summary-bench-" + Long.toString(System.currentTimeMillis(), 36)).toLowerCase();
		app.getBean(AccountService.class)
			.createWithPublishedPassword(new AccountService.NewAccount(username, PASSWORD, "MERCHANT", store.parentId(), false));
		WebSession session = WebSession.signIn(port, username, PASSWORD);
		String cookie = "SESSION=" + session.cookie("SESSION");
		String q = System.getProperty("bench.q", "");
		String path = "/api/v1/stores/" + store.id() + "/transactions/summary?from=2026-11-01&to=2026-11-30"
				+ (q.isEmpty() ? "" : "&q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
		HttpClient http = HttpClient.newHttpClient();
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("Cookie", cookie).build();
		HttpResponse<String> first = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (first.statusCode() != 200 || !first.body().contains("\"totals\"")) {
			System.out.println("status=" + first.statusCode() + " body=" + first.body());
			return 1;
		}
		System.out.println("answer: " + first.body().substring(0, Math.min(400, first.body().length())) + "...");
		plan(jdbc, store);
		for (int i = 0; i < 20; i++) {
			http.send(request, HttpResponse.BodyHandlers.ofString());
		}
		long[] micros = new long[requests];
		for (int i = 0; i < requests; i++) {
			long start = System.nanoTime();
			HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
			micros[i] = (System.nanoTime() - start) / 1000;
			if (response.statusCode() != 200) {
				System.out.println("status=" + response.statusCode());
				return 1;
			}
		}
		Arrays.sort(micros);
		double p50 = micros[requests / 2] / 1000.0;
		double p95 = micros[(int) Math.ceil(requests * 0.95) - 1] / 1000.0;
		System.out.printf("rows=%d requests=%d p50_ms=%.1f p95_ms=%.1f max_ms=%.1f target_p95_ms=50 %s%n", rows, requests,
				p50, p95, micros[requests - 1] / 1000.0, p95 <= 50 ? "OK" : "OVER");
		return p95 <= 50 ? 0 : 1;
	}

	/** The plan of the summary statement as the application sends it, with its timing. */
	private static void plan(JdbcClient jdbc, MerchantNode store) {
		List<String> lines = jdbc.sql("""
				EXPLAIN (ANALYZE, BUFFERS) SELECT s.currency, s.method, s.kind, s.local_day, COUNT(*), SUM(s.amount) FROM (
				SELECT t.currency, t.method, CASE WHEN t.type = 'charge' THEN 'charge' ELSE 'refund' END AS kind,
				CAST(t.created_at AT TIME ZONE CAST('Europe/Lisbon' AS VARCHAR(64)) AS DATE) AS local_day, t.amount
				FROM wallet_transaction t WHERE t.store_id = :store AND t.created_at >= TIMESTAMPTZ '2026-11-01 00:00:00+00'
				AND t.created_at < TIMESTAMPTZ '2026-12-01 00:00:00+00') s
				GROUP BY s.currency, s.method, s.kind, s.local_day""")
			.param("store", store.id())
			.query(String.class)
			.list();
		lines.stream()
			.filter(line -> line.contains("Scan") || line.contains("Execution Time") || line.contains("Heap Fetches"))
			.forEach(line -> System.out.println("plan: " + line.strip()));
	}

	/** The bench store, with its rows generated in SQL the first time. */
	private static MerchantNode storeWithRows(ConfigurableApplicationContext app, JdbcClient jdbc, int rows) {
		MerchantService merchants = app.getBean(MerchantService.class);
		Optional<Long> existing = jdbc.sql("SELECT id FROM merchant_node WHERE name = :name")
			.param("name", STORE + "-" + rows)
			.query(Long.class)
			.optional();
		if (existing.isPresent()) {
			return merchants.findNode(existing.get()).orElseThrow();
		}
		MerchantNode group = merchants
			.create(new MerchantService.NewMerchant("GROUP", "summary-bench-" + rows, null, "Bench", null, null, null));
		MerchantNode store = merchants.create(new MerchantService.NewMerchant("STORE", STORE + "-" + rows, group.id(),
				"Lisbon", "Europe/Lisbon", "EUR", "pt-PT"));
		long started = System.nanoTime();
		// IDs 3 + store + digits: no other bench writes there. Every tenth row refunds the charge before it.
		String prefix = String.valueOf(30 + (int) (store.id() % 60));
		jdbc.sql("""
				INSERT INTO wallet_transaction (id, store_id, type, method, channel, amount, tip, currency, created_at,
				    reference, vendor_reference, parent_id, terminal_id, login_code, refunded)
				SELECT :prefix || lpad(g::text, 10, '0'), :store,
				    CASE WHEN g % 10 = 0 THEN 'refund' ELSE 'charge' END,
				    CASE WHEN g % 2 = 0 THEN 'ALP' ELSE 'WXP' END,
				    CASE WHEN g % 5 = 0 THEN 'PAY_BY_LINK' ELSE 'APP' END,
				    CASE WHEN g % 10 = 0 THEN 100 ELSE 1000 + g % 100000 END, g % 50, 'EUR',
				    TIMESTAMPTZ '2026-11-01 00:00:00+00' + g * (CAST(:span AS DOUBLE PRECISION) / :rows) * INTERVAL '1 second',
				    CASE WHEN g % 5 = 0 THEN 'PBL-' || g END, 'VR' || g,
				    CASE WHEN g % 10 = 0 THEN :prefix || lpad((g - 1)::text, 10, '0') END, 'T-01', 'L-7',
				    CASE WHEN g % 10 = 9 THEN 100 ELSE 0 END
				FROM generate_series(1, :rows) g""")
			.param("prefix", prefix)
			.param("store", store.id())
			.param("span", 30 * 86_400 - 60)
			.param("rows", rows)
			.update();
		// what autovacuum does soon after a bulk insert: statistics, and the visibility map that
		// lets the summary read the covering index alone
		jdbc.sql("VACUUM ANALYZE wallet_transaction").update();
		System.out.printf("generated rows=%d in %.1f s (store %d)%n", rows, (System.nanoTime() - started) / 1e9, store.id());
		return store;
	}

	private SummaryBenchmark() {
	}

}
