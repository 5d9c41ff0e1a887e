package com.walletdesk.transaction;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Each store's charges and refunds per currency and China date (Asia/Shanghai), kept up by
 * every insert of a transaction, in the same database transaction, and the dashboard refunds
 * reserved against that day and not settled yet. The daily balance of a refund is one guarded
 * UPDATE of one row instead of a sum over the store's whole day, which grows with its volume.
 *
 * <p>Rows are written last in a database transaction and in key order, after any charge row
 * it locks: every writer takes charge rows before total rows, and total rows in one order, so
 * writers never deadlock one another.
 */
@Repository
class StoreDayTotals {

	private static final Comparator<Key> ORDER = Comparator.comparingLong(Key::storeId)
		.thenComparing(Key::currency)
		.thenComparing(Key::chinaDate);

	private static final String ADD = """
			UPDATE transaction_day_total SET sales = sales + ?, refunds = refunds + ?
			WHERE store_id = ? AND currency = ? AND china_date = ?""";

	private static final String CREATE = """
			INSERT INTO transaction_day_total (store_id, currency, china_date, sales, refunds)
			VALUES (?, ?, ?, ?, ?)
			ON CONFLICT DO NOTHING""";

	private static final String RESERVE = """
			UPDATE transaction_day_total SET refund_pending = refund_pending + :amount
			WHERE store_id = :store AND currency = :currency AND china_date = :day
			  AND refunds + refund_pending + :amount <= sales""";

	private static final String RELEASE = """
			UPDATE transaction_day_total SET refund_pending = refund_pending - :amount
			WHERE store_id = :store AND currency = :currency AND china_date = :day AND refund_pending >= :amount""";

	private static final String SETTLE = """
			UPDATE transaction_day_total SET refund_pending = refund_pending - :amount, refunds = refunds + :amount
			WHERE store_id = :store AND currency = :currency AND china_date = :day AND refund_pending >= :amount""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	StoreDayTotals(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * Adds new transactions to their days: a charge to sales, a refund of either kind to refunds.
	 * One UPDATE per day touched (in JDBC batches); a day seen for the first time is inserted,
	 * and when a concurrent insert of the same day wins, updated after all.
	 */
	void add(Collection<TransactionRow> rows) {
		Map<Key, Sums> days = new TreeMap<>(ORDER);
		for (TransactionRow row : rows) {
			Key key = new Key(row.storeId(), row.currency(), ChinaDay.of(row.createdAt()));
			days.merge(key, Sums.of(row), Sums::plus);
		}
		List<Map.Entry<Key, Sums>> missing = update(List.copyOf(days.entrySet()));
		if (missing.isEmpty()) {
			return;
		}
		List<Map.Entry<Key, Sums>> raced = new ArrayList<>();
		for (Map.Entry<Key, Sums> day : missing) {
			Key key = day.getKey();
			int created = this.batch.update(CREATE, key.storeId(), key.currency(), key.chinaDate(),
					day.getValue().sales(), day.getValue().refunds());
			if (created == 0) {
				raced.add(day);
			}
		}
		if (!update(raced).isEmpty()) {
			throw new IllegalStateException("a store's day total is missing after it was created: " + raced);
		}
	}

	/** The days of these sums that have no row yet (nothing added to them). */
	private List<Map.Entry<Key, Sums>> update(List<Map.Entry<Key, Sums>> days) {
		if (days.isEmpty()) {
			return List.of();
		}
		int[] counts = this.batch.batchUpdate(ADD, days, days.size(), (ps, day) -> {
			ps.setLong(1, day.getValue().sales());
			ps.setLong(2, day.getValue().refunds());
			ps.setLong(3, day.getKey().storeId());
			ps.setString(4, day.getKey().currency());
			ps.setObject(5, day.getKey().chinaDate());
		})[0];
		List<Map.Entry<Key, Sums>> missing = new ArrayList<>();
		for (int i = 0; i < counts.length; i++) {
			if (counts[i] == 0) {
				missing.add(days.get(i));
			}
		}
		return missing;
	}

	/**
	 * Reserves a dashboard refund against the day's sales: only if the day's refunds, stored and
	 * reserved, stay within its sales (the table's CHECK backs it). False (and nothing changed)
	 * when they would not, or when the day has no row (no sales). The UPDATE locks the row until
	 * the transaction ends, so the refunds of one store and day are checked one at a time, on
	 * every application instance.
	 */
	boolean reserve(long storeId, String currency, LocalDate chinaDate, long amount) {
		return changeDay(RESERVE, storeId, currency, chinaDate, amount);
	}

	/** Gives a reservation back (the refund failed). False when that much is not reserved. */
	boolean release(long storeId, String currency, LocalDate chinaDate, long amount) {
		return changeDay(RELEASE, storeId, currency, chinaDate, amount);
	}

	/**
	 * Moves a reservation to the day's refunds, as its {@code refund_dashboard} transaction is
	 * stored (in the same database transaction). False when that much is not reserved.
	 */
	boolean settle(long storeId, String currency, LocalDate chinaDate, long amount) {
		return changeDay(SETTLE, storeId, currency, chinaDate, amount);
	}

	/** One of the guarded UPDATEs above: whether it changed the day's row. */
	private boolean changeDay(String sql, long storeId, String currency, LocalDate chinaDate, long amount) {
		return this.jdbc.sql(sql).params(change(storeId, currency, chinaDate, amount)).update() == 1;
	}

	/** The parameters of the guarded UPDATEs: the day's row and the amount moved. */
	private static Map<String, Object> change(long storeId, String currency, LocalDate chinaDate, long amount) {
		return Map.of("amount", amount, "store", storeId, "currency", currency, "day", chinaDate);
	}

	private record Key(long storeId, String currency, LocalDate chinaDate) {
	}

	private record Sums(long sales, long refunds) {

		static Sums of(TransactionRow row) {
			return row.isCharge() ? new Sums(row.amount(), 0) : new Sums(0, row.amount());
		}

		Sums plus(Sums other) {
			return new Sums(Math.addExact(this.sales, other.sales), Math.addExact(this.refunds, other.refunds));
		}

	}

}
