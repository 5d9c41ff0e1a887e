package com.walletdesk.refund;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The daily-balance rows: one per store, currency and China date, created on first use and
 * locked by every dashboard refund of that store and day, so their balance checks run one at a
 * time on every application instance.
 */
@Repository
class DailyBalances {

	private final JdbcClient jdbc;

	DailyBalances(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Locks the day's row until the surrounding transaction ends, creating it when missing. */
	void lock(long storeId, String currency, LocalDate chinaDate, Instant now) {
		if (selectForUpdate(storeId, currency, chinaDate)) {
			return;
		}
		this.jdbc.sql("""
				INSERT INTO refund_daily_balance (store_id, currency, china_date, sales, refunds, updated_at)
				VALUES (:store, :currency, :day, 0, 0, :now)
				ON CONFLICT DO NOTHING""")
			.param("store", storeId)
			.param("currency", currency)
			.param("day", chinaDate)
			.param("now", Refunds.utc(now))
			.update();
		if (!selectForUpdate(storeId, currency, chinaDate)) {
			throw new IllegalStateException("daily balance row of store " + storeId + " on " + chinaDate + " is missing");
		}
	}

	/**
	 * Writes the day's figures including the refund being reserved. The table's CHECK refuses
	 * refunds above sales, so a mistake in the code above cannot take the day below zero.
	 */
	void record(long storeId, String currency, LocalDate chinaDate, long sales, long refunds, Instant now) {
		this.jdbc.sql("""
				UPDATE refund_daily_balance SET sales = :sales, refunds = :refunds, updated_at = :now
				WHERE store_id = :store AND currency = :currency AND china_date = :day""")
			.param("sales", sales)
			.param("refunds", refunds)
			.param("now", Refunds.utc(now))
			.param("store", storeId)
			.param("currency", currency)
			.param("day", chinaDate)
			.update();
	}

	private boolean selectForUpdate(long storeId, String currency, LocalDate chinaDate) {
		return this.jdbc.sql("""
				SELECT store_id FROM refund_daily_balance
				WHERE store_id = :store AND currency = :currency AND china_date = :day FOR UPDATE""")
			.param("store", storeId)
			.param("currency", currency)
			.param("day", chinaDate)
			.query(Long.class)
			.optional()
			.isPresent();
	}

}
