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

	TransactionSummaries(JdbcClient jdbc, MerchantService merchants, TransactionQuery query) {
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
		TransactionSql.Statement sql = TransactionSql.summary(stores, period, filter.term());
		List<TransactionSummary.Group> groups = this.jdbc.sql(sql.sql())
			.params(sql.params())
			.query((rs, n) -> new TransactionSummary.Group(rs.getString("currency").trim(), rs.getString("method"),
					"charge".equals(rs.getString("kind").trim()), day(rs.getInt("local_day")),
					rs.getLong("n"), rs.getBigDecimal("total").longValueExact()))
			.list();
		return TransactionSummary.of(period, groups);
	}

	private static LocalDate day(int yyyyMMdd) {
		return LocalDate.of(yyyyMMdd / 10_000, yyyyMMdd / 100 % 100, yyyyMMdd % 100);
	}

}
