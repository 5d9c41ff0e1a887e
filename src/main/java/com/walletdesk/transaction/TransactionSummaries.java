package com.walletdesk.transaction;

import java.time.LocalDate;
import java.util.List;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The totals of Transaction Lookup and All Transactions Search: the same stores, period and
 * search as {@link TransactionQuery}'s pages, summed by the database in one grouped statement
 * ({@link TransactionSql#summary}) that reads the covering index, so a month of a busy store
 * costs one index range scan and a few hundred groups, not its rows.
 */
@Service
@Transactional(readOnly = true)
public class TransactionSummaries {

	private final JdbcClient jdbc;

	private final MerchantService merchants;

	private final TransactionQuery query;

	private final javax.sql.DataSource dataSource;

	private volatile Boolean postgres;

	TransactionSummaries(JdbcClient jdbc, MerchantService merchants, TransactionQuery query,
			javax.sql.DataSource dataSource) {
		this.dataSource = dataSource;
		this.jdbc = jdbc;
		this.merchants = merchants;
		this.query = query;
	}

	/** Transaction Lookup's totals (one store); 404 outside the caller's scope. */
	public TransactionSummary lookup(CurrentUser user, long storeId, TransactionFilter filter) {
		return over(List.of(this.merchants.requireVisibleStore(user.scope(), storeId)), filter);
	}

	/** All Transactions Search's totals (every store in the caller's scope). */
	public TransactionSummary search(CurrentUser user, TransactionFilter filter) {
		return over(this.merchants.visibleStores(user.scope()), filter);
	}

	private TransactionSummary over(List<MerchantNode> stores, TransactionFilter filter) {
		Period period = filter.period().orElseGet(() -> this.query.defaultPeriod(stores));
		if (stores.isEmpty()) {
			return TransactionSummary.of(period, List.of());
		}
		TransactionSql.Statement sql = TransactionSql.summary(stores, period, filter.term(), postgres());
		List<TransactionSummary.Group> groups = this.jdbc.sql(sql.sql())
			.params(sql.params())
			.query((rs, n) -> new TransactionSummary.Group(rs.getString("currency").trim(), rs.getString("method"),
					TransactionRow.CHARGE.equals(rs.getString("type")), day(rs.getObject("local_day")),
					rs.getLong("n"), rs.getBigDecimal("total").longValueExact()))
			.list();
		return TransactionSummary.of(period, groups);
	}

	/** A DATE from PostgreSQL, the number yyyyMMdd from H2 ({@link TransactionSql#summary}). */
	private static LocalDate day(Object value) {
		if (value instanceof java.sql.Date date) {
			return date.toLocalDate();
		}
		if (value instanceof LocalDate date) {
			return date;
		}
		int yyyyMMdd = ((Number) value).intValue();
		return LocalDate.of(yyyyMMdd / 10_000, yyyyMMdd / 100 % 100, yyyyMMdd % 100);
	}

	/** Whether the database is PostgreSQL (asked once): the summary dates rows the fastest way each has. */
	private boolean postgres() {
		Boolean known = this.postgres;
		if (known == null) {
			try (java.sql.Connection connection = this.dataSource.getConnection()) {
				known = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres");
			}
			catch (java.sql.SQLException ex) {
				throw new IllegalStateException("cannot tell the database", ex);
			}
			this.postgres = known;
		}
		return known;
	}

}
