package com.walletdesk.account.apikey;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import static com.walletdesk.jdbc.Columns.instant;
import static com.walletdesk.jdbc.Columns.utc;

/** The api_key table: names, purposes and SHA-256 hashes of machine keys, never the keys. */
@Repository
class ApiKeys {

	private static final String COLUMNS = "id, name, purpose, key_prefix, created_by, created_at, last_used_at, revoked_at";

	private final JdbcClient jdbc;

	ApiKeys(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(String name, String purpose, String prefix, String hash, String createdBy, Instant now) {
		var keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO api_key (name, purpose, key_prefix, key_hash, created_by, created_at)
				VALUES (:name, :purpose, :prefix, :hash, :createdBy, :now)""")
			.param("name", name)
			.param("purpose", purpose)
			.param("prefix", prefix)
			.param("hash", hash)
			.param("createdBy", createdBy)
			.param("now", utc(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	/** The active (not revoked) key with this hash. */
	Optional<ApiKey> findActiveByHash(String hash) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE key_hash = :hash AND revoked_at IS NULL")
			.param("hash", hash)
			.query(ApiKeys::map)
			.optional();
	}

	Optional<ApiKey> findById(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM api_key WHERE id = :id").param("id", id).query(ApiKeys::map).optional();
	}

	List<ApiKey> findAll() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM api_key ORDER BY id").query(ApiKeys::map).list();
	}

	boolean revoke(long id, Instant now) {
		return this.jdbc.sql("UPDATE api_key SET revoked_at = :now WHERE id = :id AND revoked_at IS NULL")
			.param("now", utc(now))
			.param("id", id)
			.update() == 1;
	}

	/**
	 * Records a use, writing at most once a minute per key (a busy key does not write on every
	 * call): nothing is sent when the key as read was used in the last minute, and the UPDATE's
	 * guard covers requests that read it at the same time.
	 */
	void touch(ApiKey key, Instant now) {
		if (key.lastUsedAt() != null && !key.lastUsedAt().isBefore(now.minusSeconds(60))) {
			return;
		}
		this.jdbc.sql("""
				UPDATE api_key SET last_used_at = :now
				WHERE id = :id AND (last_used_at IS NULL OR last_used_at < :minuteAgo)""")
			.param("now", utc(now))
			.param("minuteAgo", utc(now.minusSeconds(60)))
			.param("id", key.id())
			.update();
	}

	private static ApiKey map(ResultSet rs, int row) throws SQLException {
		return new ApiKey(rs.getLong("id"), rs.getString("name"), rs.getString("purpose"), rs.getString("key_prefix"),
				rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "last_used_at"),
				instant(rs, "revoked_at"));
	}

	record ApiKey(long id, String name, String purpose, String prefix, String createdBy, Instant createdAt,
			Instant lastUsedAt, Instant revokedAt) {
	}

}
