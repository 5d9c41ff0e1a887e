package com.walletdesk.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import com.walletdesk.WalletdeskApplication;
import com.walletdesk.account.AccountService;
import com.walletdesk.account.CurrentUser;
import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService;
import com.walletdesk.refund.RefundCommand;
import com.walletdesk.refund.RefundResult;
import com.walletdesk.refund.RefundService;
import com.walletdesk.support.DayTotalsCheck;
import com.walletdesk.support.WebSession;
import com.walletdesk.transaction.TransactionRow;
import com.walletdesk.transaction.TransactionService;
import com.walletdesk.sandbox.SandboxWallet;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Refund throughput and latency, a command (bench/refunds.sh), not a test. Starts the whole
 * application on PostgreSQL with the sandbox wallet answering at once, creates stores and
 * charges, signs in one refunder per client, and lets the clients refund over HTTP (the real
 * path: session, security, checks, locks, wallet call, settlement, audit). Prints
 * {@code refunds_per_s=... p50_ms=... p95_ms=...} and then checks that the sums agree: charges'
 * refunded amounts, refund rows, refund_dashboard transactions and the wallet's ledger, and each
 * store's day totals (what the daily balance reads) with its transactions.
 *
 * <p>Properties (-Dname=value):
 * <ul>
 * <li>bench.via: http (the default, end to end), or service (the clients call
 * RefundService.refund in the same JVM: the refund path without HTTP, security and session);</li>
 * <li>bench.baseline: true also times a plain signed-in GET, the floor of any API call;</li>
 * <li>bench.url / bench.user / bench.password: the database (default walletdesk_bench);</li>
 * <li>bench.clients (16), bench.refunds (measured, 8000), bench.pool (the connection pool, 16);</li>
 * <li>bench.warmup: at most this many refunds of warm-up (40000), in rounds of 2000 until the JIT
 * compilers have settled (less than 5% of this JVM's CPU in a round);</li>
 * <li>bench.rate: 0, each client as fast as it can; N, an open load of N refunds/s in total;</li>
 * <li>bench.stores (64: about 140 charges per store and day, a busy store);</li>
 * <li>bench.timeline: true prints, per second of the measured run, the refunds started then and
 * their p95 and worst latency (where a stall was);</li>
 * <li>bench.jfr: a file for a Flight Recorder profile of the measured refunds.</li>
 * </ul>
 */
public final class RefundBenchmark {

	private static final String PASSWORD = "Bench-Passw0rd-2026";

	public static void main(String[] args) throws Exception {
		String url = System.getProperty("bench.url", env("WALLETDESK_BENCH_PG_URL",
				"jdbc:postgresql://127.0.0.1:5432/walletdesk_bench"));
		String user = System.getProperty("bench.user", "walletdesk");
		String password = System.getProperty("bench.password", "walletdesk");
		int clients = Integer.getInteger("bench.clients", 16);
		int measured = Integer.getInteger("bench.refunds", 8000);
		int warmup = Integer.getInteger("bench.warmup", 40_000);
		int storeCount = Integer.getInteger("bench.stores", 64);

		ConfigurableApplicationContext app = new SpringApplicationBuilder(WalletdeskApplication.class).run(
				"--spring.datasource.url=" + url, "--spring.datasource.username=" + user,
				"--spring.datasource.password=" + password, "--server.port=0", "--walletdesk.demo.enabled=false",
				"--walletdesk.bootstrap.admin-password=Operator-Passw0rd-2026",
				"--walletdesk.refund.reconcile.enabled=false", "--spring.main.banner-mode=off",
				"--logging.level.root=WARN", "--logging.level.com.walletdesk=WARN",
				"--spring.datasource.hikari.maximum-pool-size=" + Integer.getInteger("bench.pool", 16));
		int exit = 1;
		try {
			exit = run(app, clients, measured, warmup, storeCount);
		}
		finally {
			app.close();
		}
		System.exit(exit);
	}

	private static int run(ConfigurableApplicationContext app, int clients, int measured, int warmup, int storeCount)
			throws Exception {
		int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
		MerchantService merchants = app.getBean(MerchantService.class);
		AccountService accounts = app.getBean(AccountService.class);
		TransactionService transactions = app.getBean(TransactionService.class);
		SandboxWallet sandbox = app.getBean(SandboxWallet.class);
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		// the refunder must pass the second factor: the sign-in helper computes its TOTP codes
		com.walletdesk.support.TestMfa.install(jdbc, app.getBean(java.time.Clock.class), app.getBean(com.walletdesk.secrets.SecretBox.class));
		sandbox.approveAll(); // no added latency, no declines

		String run = Long.toString(System.currentTimeMillis(), 36);
		MerchantNode group = merchants
			.create(new MerchantService.NewMerchant("GROUP", "bench-" + run, null, "Bench", null, null, null));
		List<MerchantNode> stores = new ArrayList<>();
		for (int i = 0; i < storeCount; i++) {
			stores.add(merchants.create(new MerchantService.NewMerchant("STORE", "bench-" + run + "-" + i, group.id(),
					"Bench", "Asia/Shanghai", "EUR", "en-GB")));
		}
		String username = ("bench-" + run).toLowerCase();
		accounts.create(new AccountService.NewAccount(username, PASSWORD, "MERCHANT", group.id(), true));

		// one charge per refund, spread over the stores; today's sales padded on both sides of now,
		// so the China-day balance never refuses (the benchmark measures the path, not that rule)
		Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
		List<String> charges = new ArrayList<>();
		java.util.function.IntFunction<List<String>> newCharges = count -> {
			List<String> made = new ArrayList<>(count);
			int first = charges.size();
			for (int i = first; i < first + count; i++) {
				made.add(save(transactions, stores.get(i % stores.size()), 100_00, now.minusSeconds(i % 3600)));
			}
			charges.addAll(made);
			return made;
		};
		long setupStart = System.nanoTime();
		List<String> measuredCharges = newCharges.apply(measured);
		for (MerchantNode store : stores) {
			save(transactions, store, 10_000_000_00L, now.plus(Duration.ofHours(2)));
		}
		System.out.printf("setup: %d stores, %d charges in %d ms%n", stores.size(), charges.size(),
				(System.nanoTime() - setupStart) / 1_000_000);

		boolean viaService = "service".equals(System.getProperty("bench.via", "http"));
		RefundService service = app.getBean(RefundService.class);
		CurrentUser refunder = accounts.currentUser(jdbc.sql("SELECT id FROM account WHERE username = :u")
			.param("u", username).query(Long.class).single()).orElseThrow();
		Client[] callers = new Client[clients];
		List<WebSession> sessions = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			WebSession session = WebSession.signIn(port, username, PASSWORD);
			session.get("/api/v1/me"); // warm the session before concurrent use
			sessions.add(session);
			callers[i] = viaService ? serviceClient(service, refunder) : httpClient(session, port);
		}
		System.out.println("clients call " + (viaService ? "RefundService.refund directly (no HTTP)" : "the HTTP API"));

		// warm-up, flat out, in rounds on charges of their own until the JIT compilers have settled:
		// measured before that, a refund runs code not yet compiled and pays for compiling it (on 2
		// cores with tiered compilation the compilers still took 12% of the JVM's CPU after 2,000
		// refunds and 16% after 40,000; without it, 2-3% after 20,000)
		long warmRefunded = 0;
		int warmed = 0, warmErrors = 0, rounds = 0;
		double jitShare = 1;
		while (warmed < warmup && jitShare >= 0.05) {
			List<String> round = newCharges.apply(Math.min(2000, warmup - warmed));
			long jitBefore = jvmThreadCpuMs().getOrDefault("jit", 0L);
			long cpuBefore = appCpuNs();
			Result warm = drive(callers, round, 0, false);
			jitShare = (jvmThreadCpuMs().getOrDefault("jit", 0L) - jitBefore) / ((appCpuNs() - cpuBefore) / 1e6);
			warmed += round.size();
			rounds++;
			warmRefunded += warm.refundedMinor.get();
			warmErrors += warm.errors.size();
		}
		System.out.printf("warm-up: %d refunds in %d rounds, %d errors, JIT compilers' share of the last round's CPU %.0f%%%n",
				warmed, rounds, warmErrors, jitShare * 100);
		long[] statsBefore = databaseStats(jdbc);
		long appCpuBefore = appCpuNs();
		long dbCpuBefore = postgresCpuMs();
		long jitMsBefore = JIT.getTotalCompilationTime();
		Map<String, Long> threadsBefore = jvmThreadCpuMs();
		jdk.jfr.Recording recording = startRecording();
		Result result = drive(callers, measuredCharges, rate(), Boolean.getBoolean("bench.timeline"));
		stopRecording(recording);
		double appCpuMs = (appCpuNs() - appCpuBefore) / 1e6;
		long dbCpuMs = postgresCpuMs() - dbCpuBefore;
		long jitMs = JIT.getTotalCompilationTime() - jitMsBefore;
		Map<String, Long> threadsAfter = jvmThreadCpuMs();
		long[] statsAfter = databaseStats(jdbc);

		long[] sorted = result.latenciesNs.clone();
		Arrays.sort(sorted);
		double seconds = result.elapsedNs / 1e9;
		System.out.printf("refunds_per_s=%.0f p50_ms=%.1f p95_ms=%.1f p99_ms=%.1f max_ms=%.1f refunds=%d errors=%d clients=%d%n",
				sorted.length / seconds, percentile(sorted, 50), percentile(sorted, 95), percentile(sorted, 99),
				sorted[sorted.length - 1] / 1e6, sorted.length, result.errors.size(), clients);
		// CPU spent per refund by this JVM and by PostgreSQL: what the throughput would be bounded by
		// on an otherwise idle machine (cores / cost). Over HTTP, the clients' own threads are counted
		// apart; through the service, the client threads run the refund path itself.
		double clientMs = result.clientCpuNs / 1e6 / sorted.length;
		System.out.printf("cpu_ms_per_refund: app=%.2f (of which client_threads=%.2f) postgres=%.2f load_average=%.1f cores=%d%n",
				appCpuMs / sorted.length, clientMs, dbCpuMs < 0 ? Double.NaN : (double) dbCpuMs / sorted.length,
				java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
				Runtime.getRuntime().availableProcessors());
		// the JIT compilers' time while measuring: above a few hundred ms, the warm-up was too short
		// and the compilers' threads took CPU from the requests (raise bench.warmup)
		System.out.printf("jit_compile_ms_while_measuring=%d%n", jitMs);
		System.out.print("jvm_cpu_ms_per_refund_by_thread:");
		threadsAfter.forEach((kind, ms) -> System.out.printf(" %s=%.2f", kind,
				(double) (ms - threadsBefore.getOrDefault(kind, 0L)) / sorted.length));
		System.out.println();
		System.out.printf(
				"db_per_refund: commits=%.1f rows_read=%.1f rows_written=%.1f (all sessions on the database) wal_syncs=%.2f (the server's)%n",
				(double) (statsAfter[0] - statsBefore[0]) / sorted.length,
				(double) (statsAfter[1] - statsBefore[1]) / sorted.length,
				(double) (statsAfter[2] - statsBefore[2]) / sorted.length,
				(double) (statsAfter[3] - statsBefore[3]) / sorted.length);
		result.errors.entrySet().stream().limit(5).forEach(e -> System.out.println("  error: " + e.getValue()));

		if (Boolean.getBoolean("bench.baseline")) {
			// the floor under any signed-in API call (HTTP, security, session, account reload):
			// the same clients reading one transaction each instead of refunding it
			long cpu = appCpuNs();
			long db = postgresCpuMs();
			Result reads = drive(sessions.stream().map(session -> readClient(session, port)).toArray(Client[]::new),
					measuredCharges, rate(), false);
			long[] readLatencies = reads.latenciesNs.clone();
			Arrays.sort(readLatencies);
			System.out.printf("baseline GET /api/v1/transactions/{id}: requests_per_s=%.0f p50_ms=%.1f p95_ms=%.1f cpu_ms_per_request: app_and_clients=%.2f postgres=%.2f%n",
					readLatencies.length / (reads.elapsedNs / 1e9), percentile(readLatencies, 50),
					percentile(readLatencies, 95), (appCpuNs() - cpu) / 1e6 / readLatencies.length,
					(double) (postgresCpuMs() - db) / readLatencies.length);
		}

		boolean agree = sumsAgree(jdbc, sandbox, charges, result.refundedMinor.get() + warmRefunded)
				& dayTotalsAgree(jdbc, stores);
		System.out.println("sums_agree=" + agree);
		return agree && result.errors.isEmpty() ? 0 : 1;
	}

	/** One client's call: refund (or read) one charge; null when it succeeded, else what went wrong. */
	@FunctionalInterface
	private interface Client {

		String call(String chargeId, String amount);

	}

	private static Client httpClient(WebSession session, int port) {
		KeepAliveClient http = keepAlive(session, port);
		return (charge, amount) -> {
			KeepAliveClient.Answer answer = http.send("POST", "/api/v1/transactions/" + charge + "/refunds",
					Map.of("Idempotency-Key", UUID.randomUUID().toString()),
					"{\"amount\":\"" + amount + "\",\"reason\":\"benchmark\"}");
			return answer.status() == 201 ? null : answer.toString();
		};
	}

	private static Client readClient(WebSession session, int port) {
		KeepAliveClient http = keepAlive(session, port);
		return (charge, amount) -> {
			KeepAliveClient.Answer answer = http.send("GET", "/api/v1/transactions/" + charge, Map.of(), null);
			return answer.status() == 200 ? null : answer.toString();
		};
	}

	/** A lean connection carrying the signed-in session's cookies and CSRF token, as a browser would. */
	private static KeepAliveClient keepAlive(WebSession session, int port) {
		return new KeepAliveClient("127.0.0.1", port, Map.of("Cookie",
				"SESSION=" + session.cookie("SESSION") + "; XSRF-TOKEN=" + session.xsrfToken(), "X-XSRF-TOKEN",
				session.xsrfToken(), "Accept", "application/json"));
	}

	private static Client serviceClient(RefundService service, CurrentUser user) {
		return (charge, amount) -> {
			RefundResult result = service.refund(user, charge, new RefundCommand(amount, "benchmark"),
					RefundService.newIdempotencyKey());
			return result.isSucceeded() ? null : result.status() + " " + result.code();
		};
	}

	/** bench.rate: 0, flat out; N > 0, an open load of N refunds per second in total. */
	private static double rate() {
		return Double.parseDouble(System.getProperty("bench.rate", "0"));
	}

	/**
	 * Every client refunds its share of the charges, one request at a time: as fast as it can
	 * (rate 0), or paced for an open load of {@code rate} refunds per second in total (a latency
	 * then counts from the moment the request was due, so falling behind shows).
	 */
	private static Result drive(Client[] clients, List<String> charges, double rate, boolean timeline)
			throws Exception {
		long intervalNs = rate > 0 ? (long) (clients.length * 1e9 / rate) : 0;
		long[] latencies = new long[charges.size()];
		long[] startedAt = new long[charges.size()];
		Map<Integer, String> errors = new ConcurrentHashMap<>();
		AtomicLong refunded = new AtomicLong();
		AtomicInteger next = new AtomicInteger();
		AtomicLong clientCpuNs = new AtomicLong();
		CountDownLatch go = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(clients.length);
		List<java.util.concurrent.Future<?>> done = new ArrayList<>();
		long[] begin = new long[1];
		for (int c = 0; c < clients.length; c++) {
			Client client = clients[c];
			long offset = intervalNs * c / clients.length;
			done.add(pool.submit(() -> {
				go.await();
				long cpuStart = THREADS.getCurrentThreadCpuTime();
				int i;
				long due = begin[0] + offset;
				while ((i = next.getAndIncrement()) < charges.size()) {
					long minor = ThreadLocalRandom.current().nextLong(1_00, 100_01);
					String amount = minor / 100 + "." + String.format("%02d", minor % 100);
					if (intervalNs > 0) {
						long wait = due - System.nanoTime();
						if (wait > 0) {
							TimeUnit.NANOSECONDS.sleep(wait);
						}
					}
					long start = intervalNs > 0 ? due : System.nanoTime();
					due += intervalNs;
					String error = client.call(charges.get(i), amount);
					latencies[i] = System.nanoTime() - start;
					startedAt[i] = start;
					if (error == null) {
						refunded.addAndGet(minor);
					}
					else {
						errors.put(i, error);
					}
				}
				clientCpuNs.addAndGet(THREADS.getCurrentThreadCpuTime() - cpuStart);
				return null;
			}));
		}
		long start = System.nanoTime();
		begin[0] = start;
		go.countDown();
		for (var future : done) {
			future.get(30, TimeUnit.MINUTES);
		}
		long elapsed = System.nanoTime() - start;
		pool.shutdown();
		if (timeline) {
			// the wall-clock start, to line the seconds up with the database's own records
			// (autovacuum, checkpoints) taken at the same time
			System.out.printf("  timeline from %s UTC%n",
					LocalTime.now(ZoneOffset.UTC).minusNanos(elapsed).truncatedTo(ChronoUnit.MILLIS));
			printTimeline(latencies, startedAt, start);
		}
		return new Result(latencies, elapsed, errors, refunded, clientCpuNs.get());
	}

	/** bench.timeline=true: per second of the run, the refunds started then and their p95 and worst latency. */
	private static void printTimeline(long[] latencies, long[] startedAt, long runStart) {
		Map<Long, List<Long>> bySecond = new java.util.TreeMap<>();
		for (int i = 0; i < latencies.length; i++) {
			bySecond.computeIfAbsent((startedAt[i] - runStart) / 1_000_000_000L, s -> new ArrayList<>()).add(latencies[i]);
		}
		bySecond.forEach((second, list) -> {
			long[] sorted = list.stream().mapToLong(Long::longValue).sorted().toArray();
			System.out.printf("  second=%d started=%d p95_ms=%.1f max_ms=%.1f%n", second, sorted.length,
					percentile(sorted, 95), sorted[sorted.length - 1] / 1e6);
		});
	}

	private record Result(long[] latenciesNs, long elapsedNs, Map<Integer, String> errors, AtomicLong refundedMinor,
			long clientCpuNs) {
	}

	/**
	 * What the clients were told was refunded equals, over the benchmark's charges: the charges'
	 * refunded column, the succeeded refund rows, the refund_dashboard transactions and the
	 * sandbox wallet's ledger; nothing is left pending and no charge is over-refunded.
	 */
	private static boolean sumsAgree(JdbcClient jdbc, SandboxWallet sandbox, List<String> charges, long told) {
		long chargesRefunded = 0, pending = 0, overRefunded = 0, rows = 0, dashboard = 0, wallet = 0;
		for (int from = 0; from < charges.size(); from += 1000) {
			List<String> slice = charges.subList(from, Math.min(charges.size(), from + 1000));
			chargesRefunded += jdbc.sql("SELECT COALESCE(SUM(refunded), 0) FROM wallet_transaction WHERE id IN (:ids)")
				.param("ids", slice).query(Long.class).single();
			pending += jdbc.sql("SELECT COALESCE(SUM(refund_pending), 0) FROM wallet_transaction WHERE id IN (:ids)")
				.param("ids", slice).query(Long.class).single();
			overRefunded += jdbc.sql("SELECT COUNT(*) FROM wallet_transaction WHERE id IN (:ids) AND refunded + refund_pending > amount")
				.param("ids", slice).query(Long.class).single();
			rows += jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM refund WHERE charge_id IN (:ids) AND state = 'succeeded'")
				.param("ids", slice).query(Long.class).single();
			dashboard += jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM wallet_transaction WHERE parent_id IN (:ids) AND type = 'refund_dashboard'")
				.param("ids", slice).query(Long.class).single();
			wallet += jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM sandbox_wallet_refund WHERE charge_id IN (:ids) AND status = 'SUCCEEDED'")
				.param("ids", slice).query(Long.class).single();
		}
		System.out.printf("sums: told_clients=%d charges_refunded=%d refund_rows=%d dashboard_transactions=%d wallet_ledger=%d pending=%d over_refunded_charges=%d%n",
				told, chargesRefunded, rows, dashboard, wallet, pending, overRefunded);
		return told == chargesRefunded && chargesRefunded == rows && rows == dashboard && dashboard == wallet
				&& pending == 0 && overRefunded == 0;
	}

	/** Each store's day totals (what the daily balance reads) equal the sums over its transactions. */
	private static boolean dayTotalsAgree(JdbcClient jdbc, List<MerchantNode> stores) {
		long disagreeing = stores.stream()
			.filter(store -> !DayTotalsCheck.stored(jdbc, store.id()).equals(DayTotalsCheck.summed(jdbc, store.id())))
			.count();
		System.out.printf("day_totals: stores=%d disagreeing=%d%n", stores.size(), disagreeing);
		return disagreeing == 0;
	}

	private static String save(TransactionService transactions, MerchantNode store, long amount, Instant at) {
		String id = transactions.issueIds(1).get(0);
		transactions.record(new TransactionRow(id, store.id(), TransactionRow.CHARGE, "ALP", "APP", amount, 0,
				store.currency(), at, null, "BENCH" + id, null, null, null, null, null, null, 0, 0));
		return id;
	}

	private static double percentile(long[] sorted, int p) {
		int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

	/**
	 * Commits, rows returned+fetched, rows inserted+updated+deleted of this database so far, and
	 * the server's WAL syncs (each a wait for the disk; concurrent commits share one).
	 */
	private static long[] databaseStats(JdbcClient jdbc) {
		return jdbc.sql("""
				SELECT xact_commit, tup_returned + tup_fetched, tup_inserted + tup_updated + tup_deleted,
				  (SELECT wal_sync FROM pg_stat_wal)
				FROM pg_stat_database WHERE datname = current_database()""")
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4) })
			.single();
	}

	private static long appCpuNs() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/**
	 * CPU time of this JVM's threads (Linux /proc/self/task), in ms, by kind: the JIT compilers,
	 * the garbage collector, the server's request threads, the wallet-call threads, the rest. A
	 * thread that ended is no longer counted: the wallet's call threads end when idle, and the
	 * JIT's too, with the JVM's default -XX:+UseDynamicNumberOfCompilerThreads (so the JIT share
 * read may be low).
	 */
	private static Map<String, Long> jvmThreadCpuMs() {
		Map<String, Long> byKind = new java.util.TreeMap<>();
		try (var tasks = Files.list(Path.of("/proc/self/task"))) {
			tasks.map(ProcStat::read)
				.flatMap(Optional::stream)
				.forEach(thread -> byKind.merge(threadKind(thread.name()), thread.cpuMs(), Long::sum));
		}
		catch (Exception ex) {
			// not Linux
		}
		return byKind;
	}

	/** A JVM thread's kind, by the name Linux keeps of it (its first 15 characters). */
	private static String threadKind(String name) {
		if (name.contains("Compiler")) {
			return "jit";
		}
		if (name.startsWith("GC") || name.startsWith("ParGC") || name.startsWith("VM Thread")) {
			return "gc_vm";
		}
		if (name.startsWith("http-nio")) {
			return "requests";
		}
		if (name.startsWith("wallet")) {
			return "wallet_calls";
		}
		return name.startsWith("pool-") ? "clients" : "other";
	}

	/** CPU time of every postgres process on this machine (Linux /proc), in ms; -1 when unknown. */
	private static long postgresCpuMs() {
		try (var dirs = Files.list(Path.of("/proc"))) {
			return dirs.filter(d -> d.getFileName().toString().chars().allMatch(Character::isDigit))
				.map(ProcStat::read)
				.flatMap(Optional::stream)
				.filter(process -> process.name().startsWith("postgres"))
				.mapToLong(ProcStat::cpuMs)
				.sum();
		}
		catch (Exception ex) {
			return -1;
		}
	}

	/** A process's or thread's name and CPU time so far, from its Linux {@code stat} file. */
	private record ProcStat(String name, long cpuMs) {

		/** Empty when it cannot be read: the process or thread ended meanwhile. */
		static Optional<ProcStat> read(Path dir) {
			try {
				String stat = Files.readString(dir.resolve("stat"));
				int close = stat.lastIndexOf(')');
				String[] fields = stat.substring(close + 2).split(" ");
				long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
				long ms = ticks * 10; // USER_HZ = 100
				return Optional.of(new ProcStat(stat.substring(stat.indexOf('(') + 1, close), ms));
			}
			catch (Exception ex) {
				return Optional.empty();
			}
		}

	}

	/**
	 * bench.jfr=FILE: a Flight Recorder profile of the measured refunds only (not the set-up and
	 * sign-ins), sampling every millisecond; bench.jfr.settings names another .jfc file.
	 */
	private static jdk.jfr.Recording startRecording() throws Exception {
		String file = System.getProperty("bench.jfr");
		if (file == null) {
			return null;
		}
		String settings = System.getProperty("bench.jfr.settings");
		jdk.jfr.Configuration configuration = settings != null
				? jdk.jfr.Configuration.create(Path.of(settings)) : jdk.jfr.Configuration.getConfiguration("profile");
		jdk.jfr.Recording recording = new jdk.jfr.Recording(configuration);
		if (settings == null) {
			recording.enable("jdk.ExecutionSample").withPeriod(Duration.ofMillis(1));
		}
		recording.setDestination(Path.of(file));
		recording.start();
		return recording;
	}

	private static void stopRecording(jdk.jfr.Recording recording) {
		if (recording != null) {
			recording.stop();
			recording.close();
			System.out.println("profile: " + System.getProperty("bench.jfr"));
		}
	}

	private static final java.lang.management.CompilationMXBean JIT = java.lang.management.ManagementFactory
		.getCompilationMXBean();

	private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory
		.getThreadMXBean();

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
