package com.walletdesk.bench;

import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.OffsetDateTime;
import java.util.concurrent.atomic.AtomicLong;

import com.walletdesk.merchant.MerchantNode;

import org.springframework.context.ConfigurableApplicationContext;

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

	public static void main(String[] args) throws Exception {
		ConfigurableApplicationContext app = BenchApp.start("jdbc:postgresql://127.0.0.1:5432/walletdesk_bench_19");
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
		int port = BenchApp.port(app);
		MerchantNode store = BenchApp.storeWithRows(app, "export-bench", rows,
				OffsetDateTime.parse("2025-12-01T00:00:00Z"), 363 * 86_400, 10, 80);
		String cookie = BenchApp.signedInMerchant(app, "export-bench", store);
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

	private ExportBenchmark() {
	}

}
