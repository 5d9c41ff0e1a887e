package com.walletdesk.support;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Sums a store's transactions (and its pending dashboard refunds) per currency and China date
 * the slow way, in Java, to check the day totals the transaction module keeps up as it stores
 * and reserves them.
 */
public final class DayTotalsCheck {

	private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

	private DayTotalsCheck() {
	}

	/** Asserts the store's stored day totals equal the sums over its transactions. */
	public static void assertAgree(JdbcClient jdbc, long storeId) {
		assertThat(stored(jdbc, storeId)).as("day totals of store %d", storeId).isEqualTo(summed(jdbc, storeId));
	}

	/** "currency date" to {sales, refunds, pending}, from transaction_day_total. */
	public static Map<String, Totals> stored(JdbcClient jdbc, long storeId) {
		Map<String, Totals> days = new TreeMap<>();
		jdbc.sql("""
				SELECT currency, china_date, sales, refunds, refund_pending FROM transaction_day_total
				WHERE store_id = :store""")
			.param("store", storeId)
			.query((rs, n) -> days.put(key(rs.getString("currency"), rs.getObject("china_date", LocalDate.class)),
					new Totals(rs.getLong("sales"), rs.getLong("refunds"), rs.getLong("refund_pending"))))
			.list();
		return days;
	}

	/** The same, summed over the store's transactions and pending refunds. */
	public static Map<String, Totals> summed(JdbcClient jdbc, long storeId) {
		Map<String, Totals> days = new TreeMap<>();
		jdbc.sql("SELECT type, amount, currency, created_at FROM wallet_transaction WHERE store_id = :store")
			.param("store", storeId)
			.query((rs, n) -> {
				long amount = rs.getLong("amount");
				Totals one = "charge".equals(rs.getString("type")) ? new Totals(amount, 0) : new Totals(0, amount);
				return days.merge(chinaDayOf(rs), one, Totals::plus);
			})
			.list();
		jdbc.sql("SELECT amount, currency, created_at FROM refund WHERE store_id = :store AND state = 'pending'")
			.param("store", storeId)
			.query((rs, n) -> days.merge(chinaDayOf(rs), new Totals(0, 0, rs.getLong("amount")), Totals::plus))
			.list();
		return days;
	}

	/** The key of a row with a {@code currency} and a {@code created_at}: its China day. */
	private static String chinaDayOf(ResultSet row) throws SQLException {
		return key(row.getString("currency"),
				row.getObject("created_at", OffsetDateTime.class).atZoneSameInstant(CHINA).toLocalDate());
	}

	/** The key of {@link #stored} and {@link #summed}: "currency date". */
	public static String key(String currency, LocalDate day) {
		return currency.trim() + " " + day;
	}

	/** Minor units: charges, stored refunds, pending dashboard refunds. */
	public record Totals(long sales, long refunds, long pending) {

		public Totals(long sales, long refunds) {
			this(sales, refunds, 0);
		}

		Totals plus(Totals other) {
			return new Totals(this.sales + other.sales, this.refunds + other.refunds, this.pending + other.pending);
		}

	}

}
