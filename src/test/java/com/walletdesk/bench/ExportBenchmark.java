package com.walletdesk.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import com.walletdesk.WalletdeskApplication;
import com.walletdesk.account.AccountService;
import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService;
import com.walletdesk.support.WebSession;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * CSV export speed and memory, a command (bench/export.sh), not a test. Starts the whole
 * application on PostgreSQL, makes sure one store holds {@code bench.rows} transactions over a
 * year (1,000,000 by default: nine charges to one app refund; generated once in SQL and kept for
 * later runs), signs in a merchant and downloads the store's export of the whole year over HTTP
 * a few times, reading the stream as it arrives. Prints per run the time to the first byte, the
 * total time, the rows and bytes received, and the live heap (after the last collection) before
 * and at most during the download.
 *
 * <p>Properties: bench.url / bench.user / bench.password (database, default walletdesk_bench_19),
 * bench.rows (1000000), bench.runs (3).
 */
public final class ExportBenchmark {

	private static final String PASSWORD = "Bench-Passw0rd-2026";

	private static final String STORE = "export-bench-store";

	public static void main(String[] args) throws Exception {
		String url = System.getProperty("bench.url", Optional.ofNullable(System.getenv("WALLETDESK_BENCH_PG_URL"))
			.orElse("jdbc:postgresql://127.0.0.1:5432/walletdesk_bench_19"));
		ConfigurableApplicationContext app = new SpringApplicationBuilder(WalletdeskApplication.class).run(
				"--spring.datasource.url=" + url,
				"--spring.datasource.username=" + System.getProperty("bench.user", "walletdesk"),
				"--spring.datasource.password=" + System.getProperty("bench.password", "walletdesk"), "--server.port=0",
				"--walletdesk.demo.enabled=false", "--walletdesk.bootstrap.admin-password=Operator-Passw0rd-2026",
				"--walletdesk.refund.reconcile.enabled=false", "--spring.main.banner-mode=off",
				"--logging.level.root=WARN", "--logging.level.com.walletdesk=WARN");
		int exit = 1;
		try {
			exit = run(app, Integer.getInteger("bench.rows", 1_000_000), Integer.getInteger("bench.runs", 3));
		}
		finally {
			app.close();
		}
		System.exit(exit);
	}

	private static int run(ConfigurableApplicationContext app, int rows, int runs) throws Exception {
		int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		MerchantNode store = storeWithRows(app, jdbc, rows);
		String username = ("export-bench-" + Long.toString(System.currentTimeMillis(), 36)).toLowerCase();
		app.getBean(AccountService.class)
			.createWithPublishedPassword(new AccountService.NewAccount(username, PASSWORD, "MERCHANT", store.parentId(), false));
		WebSession session = WebSession.signIn(port, username, PASSWORD);
		String cookie = "SESSION=" + session.cookie("SESSION");
		HttpClient http = HttpClient.newHttpClient();
		String path = "/api/v1/stores/" + store.id() + "/transactions/export?from=2025-12-01&to=2026-11-30";
		boolean ok = true;
		for (int i = 0; i < runs; i++) {
			System.gc();
			long heapBefore = liveHeap();
			AtomicLong peak = new AtomicLong(heapBefore);
			Thread sampler = new Thread(() -> {
				while (!Thread.currentThread().isInterrupted()) {
					peak.accumulateAndGet(liveHeap(), Math::max);
					try {
						Thread.sleep(100);
					}
					catch (InterruptedException ex) {
						return;
					}
				}
			});
			sampler.setDaemon(true);
			sampler.start();
			long start = System.nanoTime();
			HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.header("Cookie", cookie)
				.build(), HttpResponse.BodyHandlers.ofInputStream());
			long firstByte = 0;
			long bytes = 0;
			long lines = 0;
			byte[] buffer = new byte[64 * 1024];
			try (InputStream in = response.body()) {
				int n;
				while ((n = in.read(buffer)) > 0) {
					if (bytes == 0) {
						firstByte = System.nanoTime();
					}
					bytes += n;
					for (int j = 0; j < n; j++) {
						if (buffer[j] == '\n') {
							lines++;
						}
					}
				}
			}
			long end = System.nanoTime();
			sampler.interrupt();
			sampler.join();
			long received = lines - 1; // the header row
			boolean complete = response.statusCode() == 200 && received == rows;
			ok &= complete;
			System.out.printf("run=%d status=%d rows=%d bytes=%d first_byte_ms=%.0f total_s=%.2f live_heap_before_mb=%.0f"
					+ " live_heap_peak_mb=%.0f max_heap_mb=%.0f%s%n", i + 1, response.statusCode(), received, bytes,
					(firstByte - start) / 1e6, (end - start) / 1e9, heapBefore / 1e6, peak.get() / 1e6,
					Runtime.getRuntime().maxMemory() / 1e6, complete ? "" : " INCOMPLETE");
		}
		return ok ? 0 : 1;
	}

	/** Heap in use after each pool's last collection: what stays live, not garbage waiting for one. */
	private static long liveHeap() {
		long live = 0;
		for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
			if (pool.getType() == MemoryType.HEAP && pool.getCollectionUsage() != null) {
				live += pool.getCollectionUsage().getUsed();
			}
		}
		return live;
	}

	/** The bench store, with its rows generated in SQL the first time (about a minute). */
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
			.create(new MerchantService.NewMerchant("GROUP", "export-bench-" + rows, null, "Bench", null, null, null));
		MerchantNode store = merchants.create(new MerchantService.NewMerchant("STORE", STORE + "-" + rows, group.id(),
				"Lisbon", "Europe/Lisbon", "EUR", "pt-PT"));
		long started = System.nanoTime();
		// IDs 19 + ten digits: no other bench writes there. Every tenth row refunds the charge before it.
		int prefix = 10 + (int) (store.id() % 80);
		jdbc.sql("""
				INSERT INTO wallet_transaction (id, store_id, type, method, channel, amount, tip, currency, created_at,
				    reference, vendor_reference, parent_id, terminal_id, login_code, refunded)
				SELECT :prefix || lpad(g::text, 10, '0'), :store,
				    CASE WHEN g % 10 = 0 THEN 'refund' ELSE 'charge' END,
				    CASE WHEN g % 2 = 0 THEN 'ALP' ELSE 'WXP' END,
				    CASE WHEN g % 5 = 0 THEN 'PAY_BY_LINK' ELSE 'APP' END,
				    CASE WHEN g % 10 = 0 THEN 100 ELSE 1000 + g % 100000 END, g % 50, 'EUR',
				    CAST(:start AS TIMESTAMP WITH TIME ZONE) + g * (CAST(:span AS DOUBLE PRECISION) / :rows) * INTERVAL '1 second',
				    CASE WHEN g % 5 = 0 THEN 'PBL-' || g END, 'VR' || g,
				    CASE WHEN g % 10 = 0 THEN :prefix || lpad((g - 1)::text, 10, '0') END, 'T-01', 'L-7',
				    CASE WHEN g % 10 = 9 THEN 100 ELSE 0 END
				FROM generate_series(1, :rows) g""")
			.param("prefix", String.valueOf(prefix))
			.param("store", store.id())
			.param("start", java.time.OffsetDateTime.parse("2025-12-01T00:00:00Z"))
			.param("span", 363 * 86_400)
			.param("rows", rows)
			.update();
		jdbc.sql("VACUUM ANALYZE wallet_transaction").update();
		System.out.printf("generated rows=%d in %.1f s (store %d)%n", rows, (System.nanoTime() - started) / 1e9, store.id());
		return store;
	}

	private ExportBenchmark() {
	}

}
