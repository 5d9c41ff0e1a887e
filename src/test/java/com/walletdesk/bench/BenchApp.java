package com.walletdesk.bench;

import java.time.OffsetDateTime;
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
 * What the HTTP read benchmarks share: the application started on PostgreSQL, a bench store
 * whose rows are generated in SQL once and kept, and a merchant signed in over HTTP.
 */
final class BenchApp {

	private static final String PASSWORD = "Bench-Passw0rd-2026";

	/**
	 * The whole application on the database of bench.url (else WALLETDESK_BENCH_PG_URL, else the
	 * given one), with bench.user / bench.password, on a random port, no demo data, no reconciler.
	 */
	static ConfigurableApplicationContext start(String defaultUrl) {
		String url = System.getProperty("bench.url",
				Optional.ofNullable(System.getenv("WALLETDESK_BENCH_PG_URL")).orElse(defaultUrl));
		return new SpringApplicationBuilder(WalletdeskApplication.class).run("--spring.datasource.url=" + url,
				"--spring.datasource.username=" + System.getProperty("bench.user", "walletdesk"),
				"--spring.datasource.password=" + System.getProperty("bench.password", "walletdesk"), "--server.port=0",
				"--walletdesk.demo.enabled=false", "--walletdesk.bootstrap.admin-password=Operator-Passw0rd-2026",
				"--walletdesk.refund.reconcile.enabled=false", "--spring.main.banner-mode=off",
				"--logging.level.root=WARN", "--logging.level.com.walletdesk=WARN");
	}

	static int port(ConfigurableApplicationContext app) {
		return Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));
	}

	/** A new merchant user of the store's group, signed in: its session cookie ("SESSION=…"). */
	static String signedInMerchant(ConfigurableApplicationContext app, String name, MerchantNode store) {
		String username = (name + "-" + Long.toString(System.currentTimeMillis(), 36)).toLowerCase();
		app.getBean(AccountService.class)
			.createWithPublishedPassword(new AccountService.NewAccount(username, PASSWORD, "MERCHANT", store.parentId(), false));
		return "SESSION=" + WebSession.signIn(port(app), username, PASSWORD).cookie("SESSION");
	}

	/**
	 * The bench store {@code name-rows} (in group {@code name-rows} too), with {@code rows}
	 * transactions spread evenly over {@code spanSeconds} from {@code start}, generated in SQL the
	 * first time: every tenth row refunds the charge before it (app refunds), both methods, every
	 * fifth row Pay By Link. IDs are a two-digit prefix and ten digits: the prefix is
	 * {@code firstPrefix + store ID % prefixes}, a range no other bench writes.
	 */
	static MerchantNode storeWithRows(ConfigurableApplicationContext app, String name, int rows, OffsetDateTime start,
			long spanSeconds, int firstPrefix, int prefixes) {
		JdbcClient jdbc = app.getBean(JdbcClient.class);
		MerchantService merchants = app.getBean(MerchantService.class);
		String storeName = name + "-store-" + rows;
		Optional<Long> existing = jdbc.sql("SELECT id FROM merchant_node WHERE name = :name")
			.param("name", storeName)
			.query(Long.class)
			.optional();
		if (existing.isPresent()) {
			return merchants.findNode(existing.get()).orElseThrow();
		}
		MerchantNode group = merchants
			.create(new MerchantService.NewMerchant("GROUP", name + "-" + rows, null, "Bench", null, null, null));
		MerchantNode store = merchants.create(new MerchantService.NewMerchant("STORE", storeName, group.id(), "Lisbon",
				"Europe/Lisbon", "EUR", "pt-PT"));
		long started = System.nanoTime();
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
			.param("prefix", String.valueOf(firstPrefix + (int) (store.id() % prefixes)))
			.param("store", store.id())
			.param("start", start)
			.param("span", spanSeconds)
			.param("rows", rows)
			.update();
		// what autovacuum does soon after a bulk insert: statistics, and the visibility map that
		// lets a query read a covering index alone
		jdbc.sql("VACUUM ANALYZE wallet_transaction").update();
		System.out.printf("generated rows=%d in %.1f s (store %d)%n", rows, (System.nanoTime() - started) / 1e9, store.id());
		return store;
	}

	private BenchApp() {
	}

}
