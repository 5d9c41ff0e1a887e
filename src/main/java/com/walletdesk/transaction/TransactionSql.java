package com.walletdesk.transaction;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import com.walletdesk.jdbc.Columns;
import com.walletdesk.merchant.MerchantNode;

/**
 * Every statement {@link TransactionQuery} sends, built in one place: the query class runs
 * them, and the plan test ({@code TransactionIndexPlanIT}) runs {@code EXPLAIN} on exactly the
 * same text and parameters, so an index the queries rely on cannot go missing unnoticed.
 */
final class TransactionSql {

	/**
	 * Up to this many stores, "newest transaction" probes each store's index once; beyond it
	 * (operator-wide scopes, where recent rows are dense) it walks the time index backwards.
	 */
	static final int PROBE_STORES_MAX = 500;

	/**
	 * A prefix matching at most this many rows of the whole table is selective: its rows are
	 * fetched through the prefix indexes (primary key, reference) and then sorted. A broader one
	 * (the first keystrokes of search-as-you-type) walks the time order and stops at a page.
	 */
	static final int SELECTIVE_PREFIX_MAX = 1000;

	/** A statement and its named parameters. */
	record Statement(String sql, Map<String, Object> params) {
	}

	private TransactionSql() {
	}

	/**
	 * The newest transaction among these stores: columns {@code store_id} and {@code created_at}
	 * (null when a store has none), at most one row.
	 */
	static Statement newest(List<MerchantNode> stores) {
		Map<String, Object> params = new LinkedHashMap<>();
		if (stores.size() > PROBE_STORES_MAX) {
			params.put("stores", stores.stream().map(MerchantNode::id).toList());
			return new Statement("""
					SELECT t.store_id, t.created_at FROM wallet_transaction t WHERE t.store_id IN (:stores)
					ORDER BY t.created_at DESC, t.id DESC LIMIT 1""", params);
		}
		// one probe of (store_id, created_at, id) per store, whatever the other stores hold
		List<String> values = new ArrayList<>();
		for (int i = 0; i < stores.size(); i++) {
			values.add("(CAST(:s" + i + " AS BIGINT))");
			params.put("s" + i, stores.get(i).id());
		}
		return new Statement("""
				SELECT v.store_id, (SELECT MAX(t.created_at) FROM wallet_transaction t WHERE t.store_id = v.store_id) AS created_at
				FROM (VALUES %s) AS v(store_id)
				ORDER BY created_at DESC NULLS LAST LIMIT 1""".formatted(String.join(", ", values)), params);
	}

	/**
	 * How many rows of the whole table (any store, any time) a prefix matches, counted up to
	 * {@code SELECTIVE_PREFIX_MAX + 1} through the prefix indexes: decides {@code selective} for
	 * {@link #rows}. Never shown to anyone; it only chooses a plan.
	 */
	static Statement prefixMatches(SearchTerm term) {
		Map<String, Object> params = new LinkedHashMap<>();
		String condition = prefixCondition(term, params);
		params.put("cap", SELECTIVE_PREFIX_MAX + 1);
		return new Statement("SELECT COUNT(*) AS n FROM (SELECT 1 FROM wallet_transaction t WHERE " + condition
				+ " LIMIT :cap) m", params);
	}

	/**
	 * One page of rows, newest first, plus one row to tell whether another page follows. With a
	 * {@code NEWER} cursor it reads oldest first from the cursor (the caller reverses the rows).
	 * @param selective the search is a prefix matching few rows ({@link #prefixMatches}): then the
	 * matches are collected first and sorted after. Otherwise PostgreSQL, guessing the matches
	 * spread evenly over time, may walk the time index backwards through months of rows to fill
	 * a page with matches that all lie far back.
	 */
	static Statement rows(List<MerchantNode> stores, Period period, SearchTerm term, PageCursor cursor, int limit,
			boolean selective) {
		return select(stores, period, term, cursor, limit + 1, selective);
	}

	/**
	 * One chunk of an export: at most {@code size} rows, newest first, older than {@code after}
	 * (null: from the newest). The export walks the whole query chunk by chunk (keyset), so no
	 * statement holds more than one chunk and none stays open between chunks.
	 */
	static Statement chunk(List<MerchantNode> stores, Period period, SearchTerm term, PageCursor after, int size,
			boolean selective) {
		return select(stores, period, term, after, size, selective);
	}

	private static Statement select(List<MerchantNode> stores, Period period, SearchTerm term, PageCursor cursor,
			int fetch, boolean selective) {
		Statement where = where(stores, period, term);
		boolean backwards = cursor != null && cursor.direction() == PageCursor.Direction.NEWER;
		StringBuilder sql = new StringBuilder("SELECT " + TransactionRows.COLUMNS + " FROM wallet_transaction t WHERE ")
			.append(where.sql());
		Map<String, Object> params = new LinkedHashMap<>(where.params());
		if (cursor != null) {
			sql.append(backwards ? " AND (t.created_at, t.id) > (:cursorAt, :cursorId)"
					: " AND (t.created_at, t.id) < (:cursorAt, :cursorId)");
			params.put("cursorAt", Columns.utc(cursor.createdAt()));
			params.put("cursorId", cursor.id());
		}
		if (selective) {
			// OFFSET 0 keeps the planner from pushing the ORDER BY ... LIMIT into the subquery
			sql.insert(0, "SELECT t.* FROM (").append(" OFFSET 0) t");
		}
		sql.append(backwards ? " ORDER BY t.created_at ASC, t.id ASC" : " ORDER BY t.created_at DESC, t.id DESC");
		sql.append(" LIMIT :limit");
		params.put("limit", fetch);
		return new Statement(sql.toString(), params);
	}

	static Statement rows(List<MerchantNode> stores, Period period, SearchTerm term, PageCursor cursor, int limit) {
		return rows(stores, period, term, cursor, limit, false);
	}

	/**
	 * How many rows the query matches (every page), counted up to {@code cap}: an export checks
	 * its size before it sends a byte. Index-only where the visibility map allows.
	 */
	static Statement count(List<MerchantNode> stores, Period period, SearchTerm term, int cap) {
		Statement where = where(stores, period, term);
		Map<String, Object> params = new LinkedHashMap<>(where.params());
		params.put("cap", cap);
		return new Statement("SELECT COUNT(*) AS n FROM (SELECT 1 FROM wallet_transaction t WHERE " + where.sql()
				+ " LIMIT :cap) m", params);
	}

	/** Counts and sums per currency and type over the whole period and search (every page). */
	static Statement totals(List<MerchantNode> stores, Period period, SearchTerm term) {
		Statement where = where(stores, period, term);
		return new Statement("""
				SELECT t.currency, t.type, COUNT(*) AS n, SUM(t.amount) AS total
				FROM wallet_transaction t WHERE %s GROUP BY t.currency, t.type""".formatted(where.sql()), where.params());
	}

	/**
	 * The summary of a lookup or search (API.md "Export and totals"): counts and sums per
	 * currency, method, type (the two kinds of refund are added up after) and local day, over exactly the
	 * rows of {@link #rows}, grouped by the database. The day is the row's date in its store's
	 * zone: the stores are grouped by zone as in the WHERE clause, and each group's rows are dated
	 * in that zone. Columns {@code currency}, {@code method}, {@code type}, {@code local_day} (a DATE, or yyyyMMdd on H2),
	 * {@code n}, {@code total}; a few rows per day, never one per transaction.
	 */
	static Statement summary(List<MerchantNode> stores, Period period, SearchTerm term, boolean postgres) {
		Statement where = where(stores, period, term);
		Map<String, Object> params = new LinkedHashMap<>(where.params());
		List<ZoneId> zones = List.copyOf(byZone(stores).keySet());
		String day;
		if (zones.size() == 1) {
			day = localDay(0, postgres);
		}
		else {
			StringBuilder cases = new StringBuilder("CASE");
			for (int i = 0; i < zones.size(); i++) {
				// the same store parameters as the WHERE clause: every row falls in exactly one
				Object ids = params.get("store" + i);
				cases.append(ids instanceof List<?> ? " WHEN t.store_id IN (:store" + i + ")" : " WHEN t.store_id = :store" + i)
					.append(" THEN ")
					.append(localDay(i, postgres));
			}
			day = cases.append(" END").toString();
		}
		for (int i = 0; i < zones.size(); i++) {
			params.put("zone" + i, zones.get(i).getId());
		}
		// Grouped outside the subquery: to PostgreSQL an expression with parameters in the select
		// list is never the "same" as one in a GROUP BY; the subquery's column is.
		return new Statement("""
				SELECT s.currency, s.method, s.type, s.local_day, COUNT(*) AS n, SUM(s.amount) AS total FROM (
				SELECT t.currency, t.method, t.type, %s AS local_day, t.amount FROM wallet_transaction t WHERE %s) s
				GROUP BY s.currency, s.method, s.type, s.local_day""".formatted(day, where.sql()), params);
	}

	/**
	 * The row's local date in zone {@code i}: PostgreSQL casts the local time to a DATE (cheap);
	 * H2 would cast through the session's zone, so there the fields of the local time are read
	 * with EXTRACT into the number yyyyMMdd (exact, but on PostgreSQL four times slower).
	 */
	private static String localDay(int zone, boolean postgres) {
		String local = "(t.created_at AT TIME ZONE CAST(:zone" + zone + " AS VARCHAR(64)))";
		if (postgres) {
			return "CAST(" + local + " AS DATE)";
		}
		return "CAST(EXTRACT(YEAR FROM " + local + ") * 10000 + EXTRACT(MONTH FROM " + local + ") * 100 + EXTRACT(DAY FROM "
				+ local + ") AS INTEGER)";
	}

	private static Map<ZoneId, List<Long>> byZone(List<MerchantNode> stores) {
		return stores.stream()
			.collect(Collectors.groupingBy(MerchantNode::zone, LinkedHashMap::new,
					Collectors.mapping(MerchantNode::id, Collectors.toList())));
	}

	/** The WHERE clause shared by the rows and the totals: stores, period (per zone) and search. */
	private static Statement where(List<MerchantNode> stores, Period period, SearchTerm term) {
		Map<String, Object> params = new LinkedHashMap<>();
		StringBuilder sql = new StringBuilder();
		Map<ZoneId, List<Long>> byZone = byZone(stores);
		List<String> zoneClauses = new ArrayList<>();
		int i = 0;
		for (Map.Entry<ZoneId, List<Long>> zone : byZone.entrySet()) {
			List<Long> ids = zone.getValue();
			String storeClause = ids.size() == 1 ? "t.store_id = :store" + i : "t.store_id IN (:store" + i + ")";
			params.put("store" + i, ids.size() == 1 ? ids.get(0) : ids);
			params.put("start" + i, Columns.utc(period.start(zone.getKey())));
			params.put("end" + i, Columns.utc(period.end(zone.getKey())));
			zoneClauses.add("(" + storeClause + " AND t.created_at >= :start" + i + " AND t.created_at < :end" + i + ")");
			i++;
		}
		sql.append(zoneClauses.size() == 1 ? zoneClauses.get(0) : "(" + String.join(" OR ", zoneClauses) + ")");
		switch (term.kind()) {
			case NONE -> {
			}
			case METHOD -> {
				sql.append(" AND t.method = :method");
				params.put("method", term.value());
			}
			case CHANNEL -> {
				sql.append(" AND t.channel = :channel");
				params.put("channel", term.value());
			}
			case CHARGES -> sql.append(" AND t.type = 'charge'");
			case REFUNDS -> sql.append(" AND t.type IN ('refund', 'refund_dashboard')");
			case PREFIX -> sql.append(" AND ").append(prefixCondition(term, params));
		}
		return new Statement(sql.toString(), params);
	}

	/** Transaction ID (a range of the primary key) or Pay By Link reference (its lower-case prefix index). */
	private static String prefixCondition(SearchTerm term, Map<String, Object> params) {
		params.put("reference", term.likePrefix());
		if (!term.couldBeTransactionId()) {
			return "lower(t.reference) LIKE :reference ESCAPE '!'";
		}
		params.put("idLow", term.idLow());
		params.put("idHigh", term.idHigh());
		return "(t.id BETWEEN :idLow AND :idHigh OR lower(t.reference) LIKE :reference ESCAPE '!')";
	}

}
