package com.walletdesk.savedview;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.walletdesk.jdbc.Columns;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The saved_view table. Every read and delete names the account: a view is only its owner's. */
@Repository
class SavedViews {

	private static final String COLUMNS = "id, account_id, name, store_id, period_rule, period_from, period_to, search, created_at";

	private final JdbcClient jdbc;

	SavedViews(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<SavedView> ofAccount(long accountId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM saved_view WHERE account_id = :account ORDER BY name, id")
			.param("account", accountId)
			.query(SavedViews::map)
			.list();
	}

	Optional<SavedView> find(long accountId, long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM saved_view WHERE id = :id AND account_id = :account")
			.param("id", id)
			.param("account", accountId)
			.query(SavedViews::map)
			.optional();
	}

	long count(long accountId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM saved_view WHERE account_id = :account")
			.param("account", accountId)
			.query(Long.class)
			.single();
	}

	/** @throws org.springframework.dao.DuplicateKeyException when the account has a view of that name */
	long insert(long accountId, String name, Long storeId, SavedView.PeriodRule rule, LocalDate from, LocalDate to,
			String search, Instant at) {
		GeneratedKeyHolder key = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO saved_view (account_id, name, store_id, period_rule, period_from, period_to, search, created_at)
				VALUES (:account, :name, :store, :rule, :from, :to, :search, :at)""")
			.param("account", accountId)
			.param("name", name)
			.param("store", storeId)
			.param("rule", rule.name())
			.param("from", from)
			.param("to", to)
			.param("search", search)
			.param("at", Columns.utc(at))
			.update(key, "id");
		return key.getKey().longValue();
	}

	boolean delete(long accountId, long id) {
		return this.jdbc.sql("DELETE FROM saved_view WHERE id = :id AND account_id = :account")
			.param("id", id)
			.param("account", accountId)
			.update() == 1;
	}

	private static SavedView map(ResultSet rs, int row) throws SQLException {
		long store = rs.getLong("store_id");
		Long storeId = rs.wasNull() ? null : store;
		return new SavedView(rs.getLong("id"), rs.getLong("account_id"), rs.getString("name"), storeId,
				SavedView.PeriodRule.valueOf(rs.getString("period_rule")), rs.getObject("period_from", LocalDate.class),
				rs.getObject("period_to", LocalDate.class), rs.getString("search"), Columns.instant(rs, "created_at"));
	}

}
