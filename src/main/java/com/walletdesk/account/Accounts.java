package com.walletdesk.account;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

/** The account table. */
@Repository
class Accounts {

	private static final String COLUMNS = "id, username, password_hash, role, scope_id, can_refund, enabled, "
			+ "failed_attempts, locked_until, password_change_required";

	private final JdbcClient jdbc;

	Accounts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<Account> findById(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = :id").param("id", id).query(Accounts::map).optional();
	}

	Optional<Account> findByUsername(String username) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE username = :username")
			.param("username", username)
			.query(Accounts::map)
			.optional();
	}

	boolean anyOperator() {
		return this.jdbc.sql("SELECT COUNT(*) FROM account WHERE role = 'OPERATOR'").query(Long.class).single() > 0;
	}

	long insert(String username, String passwordHash, Role role, Long scopeId, boolean canRefund,
			boolean passwordChangeRequired, Instant now) {
		var keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO account (username, password_hash, role, scope_id, can_refund, enabled, password_change_required, created_at)
				VALUES (:username, :hash, :role, :scopeId, :canRefund, TRUE, :change, :now)""")
			.param("username", username)
			.param("hash", passwordHash)
			.param("role", role.name())
			.param("scopeId", scopeId)
			.param("canRefund", canRefund)
			.param("change", passwordChangeRequired)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	void updateFlags(long id, boolean canRefund, boolean enabled) {
		this.jdbc.sql("UPDATE account SET can_refund = :canRefund, enabled = :enabled WHERE id = :id")
			.param("canRefund", canRefund)
			.param("enabled", enabled)
			.param("id", id)
			.update();
	}

	void updatePassword(long id, String passwordHash, boolean changeRequired) {
		this.jdbc.sql("UPDATE account SET password_hash = :hash, password_change_required = :change WHERE id = :id")
			.param("hash", passwordHash)
			.param("change", changeRequired)
			.param("id", id)
			.update();
	}

	private static Account map(ResultSet rs, int row) throws SQLException {
		long scope = rs.getLong("scope_id");
		Long scopeId = rs.wasNull() ? null : scope;
		OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
		return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
				Role.valueOf(rs.getString("role")), scopeId, rs.getBoolean("can_refund"), rs.getBoolean("enabled"),
				rs.getInt("failed_attempts"), locked == null ? null : locked.toInstant(),
				rs.getBoolean("password_change_required"));
	}

}
