package com.walletdesk.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;

import com.walletdesk.merchant.MerchantNode;

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

	public static void main(String[] args) throws Exception {
		ConfigurableApplicationContext app = BenchApp.start("jdbc:postgresql://127.0.0.1:5432/walletdesk_bench_19a");
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
		int port = BenchApp.port(app);
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		MerchantNode store = BenchApp.storeWithRows(app, "summary-bench", rows,
				OffsetDateTime.parse("2026-11-01T00:00:00Z"), 30 * 86_400 - 60, 30, 60);
		String cookie = BenchApp.signedInMerchant(app, "summary-bench", store);
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
				EXPLAIN (ANALYZE, BUFFERS) SELECT s.currency, s.method, s.type, s.local_day, COUNT(*), SUM(s.amount) FROM (
				SELECT t.currency, t.method, t.type,
				CAST(t.created_at AT TIME ZONE CAST('Europe/Lisbon' AS VARCHAR(64)) AS DATE) AS local_day, t.amount
				FROM wallet_transaction t WHERE t.store_id = :store AND t.created_at >= TIMESTAMPTZ '2026-11-01 00:00:00+00'
				AND t.created_at < TIMESTAMPTZ '2026-12-01 00:00:00+00') s
				GROUP BY s.currency, s.method, s.type, s.local_day""")
			.param("store", store.id())
			.query(String.class)
			.list();
		lines.stream()
			.filter(line -> line.contains("Scan") || line.contains("Execution Time") || line.contains("Heap Fetches"))
			.forEach(line -> System.out.println("plan: " + line.strip()));
	}

	private SummaryBenchmark() {
	}

}
