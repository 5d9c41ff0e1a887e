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
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.walletdesk.jdbc.Columns;
import com.walletdesk.account.CurrentUser;
import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService;
import com.walletdesk.web.ProblemException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The read side of transactions: exactly the rows the tables show, newest first, with keyset
 * paging on (created_at, id). Every method takes the caller and answers only within its scope.
 */
@Service
@Transactional(readOnly = true)
public class TransactionQuery {

	private static final Pattern GATEWAY_ID = Pattern.compile("\\d{12}");

	private final JdbcClient jdbc;

	private final Transactions transactions;

	private final MerchantService merchants;

	private final Clock clock;

	TransactionQuery(JdbcClient jdbc, Transactions transactions, MerchantService merchants, Clock clock) {
		this.transactions = transactions;
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

	/**
	 * One transaction, or 404 when unknown or outside the caller's scope. Two reads of rows whose
	 * store never changes need no read-only transaction (its commit is a round trip), and every
	 * refund starts here.
	 */
	@Transactional(propagation = Propagation.SUPPORTS)
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
		if (id == null || !GATEWAY_ID.matcher(id).matches()) {
			return Optional.empty();
		}
		return this.transactions.findById(id);
	}

	/**
	 * The default period: the seven days ending on the local date of the newest transaction
	 * among these stores (in that store's zone), or the week ending today (in the first store's
	 * zone) when there is none.
	 */
	public Period defaultPeriod(List<MerchantNode> stores) {
		if (stores.isEmpty()) {
			return Period.defaultWeek(null, ZoneId.of("UTC"), this.clock);
		}
		TransactionSql.Statement newestSql = TransactionSql.newest(stores);
		Optional<Newest> newest = this.jdbc.sql(newestSql.sql())
			.params(newestSql.params())
			.query((rs, n) -> new Newest(rs.getLong("store_id"), Columns.instant(rs, "created_at")))
			.optional()
			.filter(row -> row.at() != null);
		ZoneId zone = newest
			.flatMap(row -> stores.stream().filter(store -> store.id() == row.storeId()).findFirst())
			.orElse(stores.get(0))
			.zone();
		return Period.defaultWeek(newest.map(Newest::at).orElse(null), zone, this.clock);
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
			params.put("start" + i, Columns.utc(week.start(zone.getKey())));
			params.put("end" + i, Columns.utc(week.end(zone.getKey())));
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
		PageCursor cursor = filter.cursor();
		boolean backwards = cursor != null && cursor.direction() == PageCursor.Direction.NEWER;
		TransactionSql.Statement rowsSql = TransactionSql.rows(stores, period, filter.term(), cursor, filter.limit(),
				selective(filter.term()));
		List<TransactionRow> rows = new ArrayList<>(
				this.jdbc.sql(rowsSql.sql()).params(rowsSql.params()).query(TransactionRows::map).list());
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

		return new TransactionPage(period, List.copyOf(rows), next, previous,
				totals(TransactionSql.totals(stores, period, filter.term())), storesById,
				this.merchants.parentNames(stores), refundsAllowed);
	}

	/** Whether a prefix search matches few enough rows to be fetched through the prefix indexes first. */
	boolean selective(SearchTerm term) {
		if (term.kind() != SearchTerm.Kind.PREFIX) {
			return false;
		}
		TransactionSql.Statement count = TransactionSql.prefixMatches(term);
		return this.jdbc.sql(count.sql()).params(count.params()).query(Long.class).single()
				<= TransactionSql.SELECTIVE_PREFIX_MAX;
	}

	private static String at(TransactionRow row, PageCursor.Direction direction) {
		return new PageCursor(row.createdAt(), row.id(), direction).encode();
	}

	private List<TransactionPage.Totals> totals(TransactionSql.Statement statement) {
		return this.jdbc.sql(statement.sql())
			.params(statement.params())
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

}
