package com.walletdesk.transaction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.PostgresOnly;
import com.walletdesk.support.TestDatabase;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * On PostgreSQL, with enough rows that the planner would rather read the whole table if an
 * index were missing (200,000 transactions over 200 stores and a year, ANALYZEd), the exact
 * statements {@link TransactionQuery} sends ({@link TransactionSql}) are planned with indexes:
 * the lookup (one store, a period, newest first, keyset), the search by ID and reference
 * prefix, "the newest transaction of a store" behind the default period, and the summary. Runs in a schema
 * of its own, so the rows do not slow down the other tests.
 */
@IntegrationTest
@PostgresOnly
class TransactionIndexPlanIT {

	private static final String SCHEMA = "plan_it";

	private static final int STORES = 200;

	private static final int ROWS = 200_000;

	private static SingleConnectionDataSource dataSource;

	private static JdbcClient jdbc;

	private static final MerchantNode STORE = store(2);

	private static final List<MerchantNode> HEADQUARTERS = stores(2, 20);

	private static final List<MerchantNode> ALL = stores(2, STORES);

	private static final Period WEEK = new Period(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 7));

	private static final Period YEAR = new Period(LocalDate.of(2025, 7, 1), LocalDate.of(2026, 6, 30));

	private static final SearchTerm ID_PREFIX = SearchTerm.parse("280000123");

	private static final SearchTerm REFERENCE_PREFIX = SearchTerm.parse("PBL-2026-0012");

	/** Matches every row: the first keystrokes of search-as-you-type. */
	private static final SearchTerm BROAD_PREFIX = SearchTerm.parse("2800");

	private static final PageCursor OLDER = new PageCursor(Instant.parse("2026-06-05T12:00:00Z"), "280000010000",
			PageCursor.Direction.OLDER);

	private static final PageCursor NEWER = new PageCursor(Instant.parse("2026-06-05T12:00:00Z"), "280000010000",
			PageCursor.Direction.NEWER);

	@BeforeAll
	static void load() {
		String url = TestDatabase.postgresUrl();
		dataSource = new SingleConnectionDataSource(url + (url.contains("?") ? "&" : "?") + "currentSchema=" + SCHEMA,
				TestDatabase.postgresUser(), TestDatabase.postgresPassword(), true);
		jdbc = JdbcClient.create(dataSource);
		jdbc.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
		Flyway.configure()
			.dataSource(dataSource)
			.schemas(SCHEMA)
			.locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
			.load()
			.migrate();
		long started = System.nanoTime();
		jdbc.sql("INSERT INTO merchant_node (id, kind, name, path, created_at) VALUES (1, 'GROUP', 'plan group', '/1/', now())")
			.update();
		jdbc.sql("""
				INSERT INTO merchant_node (id, parent_id, kind, name, timezone, currency, locale, path, created_at)
				SELECT g + 1, 1, 'STORE', 'store ' || g, CASE WHEN g % 2 = 0 THEN 'Europe/Lisbon' ELSE 'Asia/Tokyo' END,
				  'EUR', 'pt-PT', '/1/' || (g + 1) || '/', now()
				FROM generate_series(1, :stores) g""").param("stores", STORES).update();
		// one row every 157 s going back a year from 2026-06-30, round-robin over the stores,
		// a quarter of them Pay By Link with a reference
		jdbc.sql("""
				INSERT INTO wallet_transaction (id, store_id, type, method, channel, amount, tip, currency, created_at,
				  reference, vendor_reference)
				SELECT (280000000000 + i)::text, 2 + (i % :stores), 'charge', CASE WHEN i % 3 = 0 THEN 'WXP' ELSE 'ALP' END,
				  CASE WHEN i % 4 = 0 THEN 'PAY_BY_LINK' ELSE 'APP' END, 100 + (i % 10000), 0, 'EUR',
				  TIMESTAMPTZ '2026-06-30 00:00:00+00' - i * INTERVAL '157 seconds',
				  CASE WHEN i % 4 = 0 THEN 'PBL-2026-' || lpad((i / 4)::text, 6, '0') END, 'VR' || i
				FROM generate_series(0, :rows - 1) i""").param("stores", STORES).param("rows", ROWS).update();
		jdbc.sql("ANALYZE merchant_node").update();
		jdbc.sql("ANALYZE wallet_transaction").update();
		System.out.printf("[plan] loaded %,d transactions over %d stores in %d ms%n", ROWS, STORES,
				(System.nanoTime() - started) / 1_000_000);
	}

	@AfterAll
	static void drop() {
		if (jdbc != null) {
			jdbc.sql("DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE").update();
			dataSource.destroy();
		}
	}

	@Test
	void theTableIsBigEnoughThatAMissingIndexWouldShow() {
		String plan = explain(new TransactionSql.Statement(
				"SELECT t.id FROM wallet_transaction t WHERE t.vendor_reference = :v", Map.of("v", "VR12345")));
		assertThat(plan).as("vendor_reference has no index: the planner must read the table")
			.contains("Seq Scan on wallet_transaction");
	}

	@Test
	void lookupOfOneStoreUsesTheStoreTimeIndex() {
		for (PageCursor cursor : new PageCursor[] { null, OLDER, NEWER }) {
			String plan = explain(TransactionSql.rows(List.of(STORE), WEEK, SearchTerm.parse(null), cursor, 50));
			assertUsesIndexes(plan);
			assertThat(plan).contains("wallet_transaction_store_time");
		}
		assertUsesIndexes(explain(TransactionSql.totals(List.of(STORE), WEEK, SearchTerm.parse(null))));
		assertUsesIndexes(explain(TransactionSql.rows(List.of(STORE), YEAR, SearchTerm.parse("wechat"), OLDER, 500)));
		assertUsesIndexes(explain(TransactionSql.rows(List.of(STORE), WEEK, SearchTerm.parse("refund"), null, 50)));
		analyze("lookup, one store, a week, first page",
				TransactionSql.rows(List.of(STORE), WEEK, SearchTerm.parse(null), null, 50));
		analyze("lookup, one store, a week, next page", TransactionSql.rows(List.of(STORE), WEEK, SearchTerm.parse(null), OLDER, 50));
	}

	@Test
	void searchByIdOrReferencePrefixUsesIndexes() {
		for (SearchTerm term : List.of(ID_PREFIX, REFERENCE_PREFIX, SearchTerm.parse("280000123456"), BROAD_PREFIX)) {
			boolean selective = selective(term);
			assertThat(selective).as(term.value()).isEqualTo(term != BROAD_PREFIX);
			for (List<MerchantNode> stores : List.of(List.of(STORE), HEADQUARTERS, ALL)) {
				for (Period period : List.of(WEEK, YEAR)) {
					assertUsesIndexes(explain(TransactionSql.rows(stores, period, term, null, 50, selective)));
					assertUsesIndexes(explain(TransactionSql.rows(stores, period, term, OLDER, 50, selective)));
					if (selective) {
						// a broad prefix over a year counts a tenth of the table or all of it: reading it is right
						assertUsesIndexes(explain(TransactionSql.totals(stores, period, term)));
					}
				}
			}
		}
		assertThat(explain(TransactionSql.rows(ALL, YEAR, REFERENCE_PREFIX, null, 50, true)))
			.as("the reference index serves a reference prefix across all stores").contains("wallet_transaction_reference");
		assertThat(explain(TransactionSql.rows(ALL, YEAR, ID_PREFIX, null, 50, true)))
			.as("the primary key serves an ID prefix across all stores").contains("wallet_transaction_pkey");
		assertThat(explain(TransactionSql.totals(ALL, YEAR, REFERENCE_PREFIX))).contains("wallet_transaction_reference");
		assertThat(explain(TransactionSql.totals(ALL, YEAR, ID_PREFIX))).contains("wallet_transaction_pkey");
		analyze("search, all 200 stores, a year, ID prefix (matches 7 months back)",
				TransactionSql.rows(ALL, YEAR, ID_PREFIX, null, 50, true));
		analyze("search, all 200 stores, a year, reference prefix", TransactionSql.rows(ALL, YEAR, REFERENCE_PREFIX, null, 50, true));
		analyze("search, all 200 stores, a year, broad ID prefix", TransactionSql.rows(ALL, YEAR, BROAD_PREFIX, null, 50, false));
		analyze("search, 20 stores, a week, newest first", TransactionSql.rows(HEADQUARTERS, WEEK, SearchTerm.parse(null), null, 50));
		analyze("how selective is a prefix (ID)", TransactionSql.prefixMatches(ID_PREFIX));
		analyze("how selective is a prefix (broad)", TransactionSql.prefixMatches(BROAD_PREFIX));
	}

	@Test
	void summaryIsAnsweredFromTheStoreTimeIndexes() {
		for (SearchTerm term : List.of(SearchTerm.parse(null), SearchTerm.parse("wechat"), SearchTerm.parse("refund"),
				SearchTerm.parse("pay by link"))) {
			for (Period period : List.of(WEEK, YEAR)) {
				String plan = explain(TransactionSql.summary(List.of(STORE), period, term, true));
				assertUsesIndexes(plan);
				assertThat(plan).contains("wallet_transaction_store_time");
			}
			assertUsesIndexes(explain(TransactionSql.summary(HEADQUARTERS, WEEK, term, true)));
			assertUsesIndexes(explain(TransactionSql.summary(ALL, WEEK, term, true)));
		}
		assertUsesIndexes(explain(TransactionSql.summary(ALL, YEAR, ID_PREFIX, true)));
		analyze("summary, one store, a year", TransactionSql.summary(List.of(STORE), YEAR, SearchTerm.parse(null), true));
		analyze("summary, 20 stores in two zones, a week", TransactionSql.summary(HEADQUARTERS, WEEK, SearchTerm.parse(null), true));
	}

	@Test
	void selectivityCountUsesThePrefixIndexes() {
		assertUsesIndexes(explain(TransactionSql.prefixMatches(ID_PREFIX)));
		assertUsesIndexes(explain(TransactionSql.prefixMatches(REFERENCE_PREFIX)));
		assertThat(explain(TransactionSql.prefixMatches(REFERENCE_PREFIX))).contains("wallet_transaction_reference");
	}

	@Test
	void newestTransactionOfAStoreUsesTheStoreTimeIndex() {
		for (List<MerchantNode> stores : List.of(List.of(STORE), HEADQUARTERS, ALL)) {
			String plan = explain(TransactionSql.newest(stores));
			assertUsesIndexes(plan);
			assertThat(plan).contains("wallet_transaction_store_time");
		}
		List<MerchantNode> many = stores(2, TransactionSql.PROBE_STORES_MAX + 1);
		assertUsesIndexes(explain(TransactionSql.newest(many)));
		analyze("newest transaction of one store", TransactionSql.newest(List.of(STORE)));
		analyze("newest transaction of 200 stores", TransactionSql.newest(ALL));

		TransactionSql.Statement newest = TransactionSql.newest(List.of(STORE));
		Instant at = jdbc.sql(newest.sql()).params(newest.params())
			.query((rs, n) -> com.walletdesk.jdbc.Columns.instant(rs, "created_at")).single();
		assertThat(at).as("the newest row of store 2 is the very first inserted").isEqualTo(Instant.parse("2026-06-30T00:00:00Z"));
	}

	private static boolean selective(SearchTerm term) {
		TransactionSql.Statement count = TransactionSql.prefixMatches(term);
		return jdbc.sql(count.sql()).params(count.params()).query(Long.class).single() <= TransactionSql.SELECTIVE_PREFIX_MAX;
	}

	private static void assertUsesIndexes(String plan) {
		assertThat(plan).doesNotContain("Seq Scan on wallet_transaction").containsPattern("Index (Only )?Scan|Bitmap Index Scan");
	}

	private static String explain(TransactionSql.Statement statement) {
		List<String> lines = jdbc.sql("EXPLAIN " + statement.sql()).params(statement.params()).query(String.class).list();
		return String.join("\n", lines);
	}

	private static void analyze(String what, TransactionSql.Statement statement) {
		List<String> lines = jdbc.sql("EXPLAIN (ANALYZE, BUFFERS) " + statement.sql()).params(statement.params())
			.query(String.class).list();
		String execution = lines.stream().filter(line -> line.startsWith("Execution Time")).findFirst().orElse("?");
		System.out.printf("[plan] %s: %s%n    %s%n", what, execution, lines.get(0));
	}

	private static MerchantNode store(long id) {
		return new MerchantNode(id, 1L, MerchantNode.Kind.STORE, "store " + id, null,
				id % 2 == 1 ? "Europe/Lisbon" : "Asia/Tokyo", "EUR", "pt-PT", true, "/1/" + id + "/");
	}

	private static List<MerchantNode> stores(long first, int count) {
		return LongStream.range(first, first + count).mapToObj(TransactionIndexPlanIT::store).toList();
	}

}
