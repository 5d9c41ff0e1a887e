package com.walletdesk.transaction;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService;
import com.walletdesk.web.ProblemException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of transactions: exactly the rows the tables show, newest first, with keyset
 * paging on (created_at, id). Every method takes the caller and answers only within its scope.
 */
@Service
@Transactional(readOnly = true)
public class TransactionQuery {

	private final JdbcClient jdbc;

	private final MerchantService merchants;

	private final Clock clock;

	TransactionQuery(JdbcClient jdbc, MerchantService merchants, Clock clock) {
		this.jdbc = jdbc;
		this.merchants = merchants;
		this.clock = clock;
	}

	/** Transaction Lookup: one store. Offers refunds when the caller holds the privilege. */
	public TransactionPage lookup(CurrentUser user, long storeId, TransactionFilter filter) {
		MerchantNode store = this.merchants.requireVisibleStore(user.scope(), storeId);
		return page(List.of(store), filter, user.canRefund());
	}

	/** All Transactions Search: every store in the caller's scope, never with refunds. */
	public TransactionPage search(CurrentUser user, TransactionFilter filter) {
		return page(this.merchants.visibleStores(user.scope()), filter, false);
	}

	/** One transaction, or 404 when unknown or outside the caller's scope. */
	public TransactionRow find(CurrentUser user, String id) {
		TransactionRow row = findById(id).orElseThrow(() -> ProblemException.notFound("Transaction"));
		try {
			this.merchants.requireVisibleStore(user.scope(), row.storeId());
		}
		catch (ProblemException ex) {
			// the same answer as an unknown ID: a foreign transaction must not be told apart
			throw ProblemException.notFound("Transaction");
		}
		return row;
	}

	/** A page of one row (the detail view) decorated like any other page. */
	public TransactionPage single(CurrentUser user, TransactionRow row, boolean refundsAllowed) {
		MerchantNode store = this.merchants.requireVisibleStore(user.scope(), row.storeId());
		LocalDate day = row.createdAt().atZone(store.zone()).toLocalDate();
		return new TransactionPage(new Period(day, day), List.of(row), null, null, List.of(),
				Map.of(store.id(), store), this.merchants.parentNames(List.of(store)), refundsAllowed && user.canRefund());
	}

	/** The refunds (of both kinds) of a charge, oldest first. */
	public List<TransactionRow> refundsOf(String chargeId) {
		return this.jdbc.sql("SELECT " + TransactionRows.COLUMNS
				+ " FROM wallet_transaction t WHERE t.parent_id = :id ORDER BY t.created_at, t.id")
			.param("id", chargeId)
			.query(TransactionRows::map)
			.list();
	}

	Optional<TransactionRow> findById(String id) {
		if (id == null || !id.matches("\\d{12}")) {
			return Optional.empty();
		}
		return this.jdbc.sql("SELECT " + TransactionRows.COLUMNS + " FROM wallet_transaction t WHERE t.id = :id")
			.param("id", id)
			.query(TransactionRows::map)
			.optional();
	}

	/**
	 * The default period: the seven days ending on the local date of the newest transaction
	 * among these stores, or the week ending today (in the first store's zone) when there is none.
	 */
	public Period defaultPeriod(List<MerchantNode> stores) {
		ZoneId fallbackZone = stores.isEmpty() ? ZoneId.of("UTC") : stores.get(0).zone();
		if (stores.isEmpty()) {
			return Period.weekEndingOn(LocalDate.now(this.clock.withZone(fallbackZone)));
		}
		Optional<Newest> newest = stores.size() == 1
				// the index (store_id, created_at, id) answers this with one probe
				? this.jdbc.sql("SELECT MAX(t.created_at) AS created_at FROM wallet_transaction t WHERE t.store_id = :store")
					.param("store", stores.get(0).id())
					.query((rs, n) -> TransactionRows.instant(rs, "created_at"))
					.optional()
					.filter(java.util.Objects::nonNull)
					.map(at -> new Newest(stores.get(0).id(), at))
				// walks (created_at, id) backwards until the first row of one of the stores
				: this.jdbc.sql("""
						SELECT t.store_id, t.created_at FROM wallet_transaction t WHERE t.store_id IN (:stores)
						ORDER BY t.created_at DESC, t.id DESC LIMIT 1""")
					.param("stores", stores.stream().map(MerchantNode::id).toList())
					.query((rs, n) -> new Newest(rs.getLong("store_id"), TransactionRows.instant(rs, "created_at")))
					.optional();
		if (newest.isEmpty()) {
			return Period.weekEndingOn(LocalDate.now(this.clock.withZone(fallbackZone)));
		}
		ZoneId zone = stores.stream()
			.filter(store -> store.id() == newest.get().storeId())
			.findFirst()
			.orElseThrow()
			.zone();
		return Period.weekEndingOn(newest.get().at().atZone(zone).toLocalDate());
	}

	private record Newest(long storeId, Instant at) {
	}

	/**
	 * For every store at or below a visible node: its charges, refunds and net amount of the
	 * seven days ending today in the store's own zone. One grouped query over the
	 * (store_id, created_at, id) index; stores without transactions come back with zeros.
	 */
	public List<StoreWeek> weekSummaries(CurrentUser user, long nodeId) {
		List<MerchantNode> stores = this.merchants.storesUnder(user.scope(), nodeId);
		if (stores.isEmpty()) {
			return List.of();
		}
		Map<ZoneId, List<MerchantNode>> byZone = stores.stream()
			.collect(Collectors.groupingBy(MerchantNode::zone, LinkedHashMap::new, Collectors.toList()));
		Map<String, Object> params = new LinkedHashMap<>();
		Map<Long, Period> periods = new LinkedHashMap<>();
		List<String> clauses = new ArrayList<>();
		int i = 0;
		for (Map.Entry<ZoneId, List<MerchantNode>> zone : byZone.entrySet()) {
			Period week = Period.weekEndingOn(LocalDate.now(this.clock.withZone(zone.getKey())));
			zone.getValue().forEach(store -> periods.put(store.id(), week));
			params.put("stores" + i, zone.getValue().stream().map(MerchantNode::id).toList());
			params.put("start" + i, TransactionRows.utc(week.start(zone.getKey())));
			params.put("end" + i, TransactionRows.utc(week.end(zone.getKey())));
			clauses.add("(t.store_id IN (:stores" + i + ") AND t.created_at >= :start" + i + " AND t.created_at < :end"
					+ i + ")");
			i++;
		}
		Map<Long, long[]> sums = new LinkedHashMap<>();
		this.jdbc.sql("SELECT t.store_id, t.type, COUNT(*) AS n, SUM(t.amount) AS total FROM wallet_transaction t WHERE "
				+ String.join(" OR ", clauses) + " GROUP BY t.store_id, t.type")
			.params(params)
			.query(rs -> {
				long[] s = sums.computeIfAbsent(rs.getLong("store_id"), id -> new long[4]);
				int offset = TransactionRow.CHARGE.equals(rs.getString("type")) ? 0 : 2;
				s[offset] += rs.getLong("n");
				s[offset + 1] += rs.getLong("total");
			});
		return stores.stream().map(store -> {
			long[] s = sums.getOrDefault(store.id(), new long[4]);
			return new StoreWeek(store, periods.get(store.id()), s[0], s[2], s[1], s[3]);
		}).toList();
	}

	private TransactionPage page(List<MerchantNode> stores, TransactionFilter filter, boolean refundsAllowed) {
		Period period = filter.period().orElseGet(() -> defaultPeriod(stores));
		Map<Long, MerchantNode> storesById = new LinkedHashMap<>();
		stores.forEach(store -> storesById.put(store.id(), store));
		if (stores.isEmpty()) {
			return new TransactionPage(period, List.of(), null, null, List.of(), storesById, Map.of(), refundsAllowed);
		}
		Where where = where(stores, period, filter.term());

		PageCursor cursor = filter.cursor();
		boolean backwards = cursor != null && cursor.direction() == PageCursor.Direction.NEWER;
		StringBuilder sql = new StringBuilder("SELECT " + TransactionRows.COLUMNS + " FROM wallet_transaction t WHERE ")
			.append(where.sql);
		Map<String, Object> params = new LinkedHashMap<>(where.params);
		if (cursor != null) {
			sql.append(backwards ? " AND (t.created_at, t.id) > (:cursorAt, :cursorId)"
					: " AND (t.created_at, t.id) < (:cursorAt, :cursorId)");
			params.put("cursorAt", TransactionRows.utc(cursor.createdAt()));
			params.put("cursorId", cursor.id());
		}
		sql.append(backwards ? " ORDER BY t.created_at ASC, t.id ASC" : " ORDER BY t.created_at DESC, t.id DESC");
		sql.append(" LIMIT :limit");
		params.put("limit", filter.limit() + 1);

		List<TransactionRow> rows = new ArrayList<>(
				this.jdbc.sql(sql.toString()).params(params).query(TransactionRows::map).list());
		boolean more = rows.size() > filter.limit();
		if (more) {
			rows.remove(rows.size() - 1);
		}
		if (backwards) {
			Collections.reverse(rows);
		}
		boolean hasOlder = backwards ? !rows.isEmpty() : more;
		boolean hasNewer = backwards ? more : cursor != null && !rows.isEmpty();
		String next = hasOlder && !rows.isEmpty() ? at(rows.get(rows.size() - 1), PageCursor.Direction.OLDER) : null;
		String previous = hasNewer ? at(rows.get(0), PageCursor.Direction.NEWER) : null;

		return new TransactionPage(period, List.copyOf(rows), next, previous, totals(where), storesById,
				this.merchants.parentNames(stores), refundsAllowed);
	}

	private static String at(TransactionRow row, PageCursor.Direction direction) {
		return new PageCursor(row.createdAt(), row.id(), direction).encode();
	}

	private List<TransactionPage.Totals> totals(Where where) {
		return this.jdbc.sql("""
				SELECT t.currency, t.type, COUNT(*) AS n, SUM(t.amount) AS total
				FROM wallet_transaction t WHERE %s GROUP BY t.currency, t.type""".formatted(where.sql))
			.params(where.params)
			.query((rs, n) -> new Object[] { rs.getString("currency").trim(), rs.getString("type"), rs.getLong("n"),
					rs.getLong("total") })
			.list()
			.stream()
			.collect(Collectors.groupingBy(r -> (String) r[0], java.util.TreeMap::new, Collectors.toList()))
			.entrySet()
			.stream()
			.map(entry -> {
				long charges = 0, refunds = 0, charged = 0, refunded = 0;
				for (Object[] r : entry.getValue()) {
					if (TransactionRow.CHARGE.equals(r[1])) {
						charges += (Long) r[2];
						charged += (Long) r[3];
					}
					else {
						refunds += (Long) r[2];
						refunded += (Long) r[3];
					}
				}
				return new TransactionPage.Totals(entry.getKey(), charges, refunds, charged, refunded);
			})
			.toList();
	}

	/** The WHERE clause shared by the rows and the totals: stores, period (per zone) and search. */
	private static Where where(List<MerchantNode> stores, Period period, SearchTerm term) {
		Map<String, Object> params = new LinkedHashMap<>();
		StringBuilder sql = new StringBuilder();
		Map<ZoneId, List<Long>> byZone = stores.stream()
			.collect(Collectors.groupingBy(MerchantNode::zone, LinkedHashMap::new,
					Collectors.mapping(MerchantNode::id, Collectors.toList())));
		List<String> zoneClauses = new ArrayList<>();
		int i = 0;
		for (Map.Entry<ZoneId, List<Long>> zone : byZone.entrySet()) {
			List<Long> ids = zone.getValue();
			String storeClause = ids.size() == 1 ? "t.store_id = :store" + i : "t.store_id IN (:store" + i + ")";
			params.put("store" + i, ids.size() == 1 ? ids.get(0) : ids);
			params.put("start" + i, TransactionRows.utc(period.start(zone.getKey())));
			params.put("end" + i, TransactionRows.utc(period.end(zone.getKey())));
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
			case CHARGES -> sql.append(" AND t.type = 'charge'");
			case REFUNDS -> sql.append(" AND t.type IN ('refund', 'refund_dashboard')");
			case PREFIX -> {
				params.put("reference", term.likePrefix());
				if (term.couldBeTransactionId()) {
					sql.append(" AND (t.id BETWEEN :idLow AND :idHigh OR lower(t.reference) LIKE :reference ESCAPE '!')");
					params.put("idLow", term.idLow());
					params.put("idHigh", term.idHigh());
				}
				else {
					sql.append(" AND lower(t.reference) LIKE :reference ESCAPE '!'");
				}
			}
		}
		return new Where(sql.toString(), params);
	}

	private record Where(String sql, Map<String, Object> params) {
	}

}
