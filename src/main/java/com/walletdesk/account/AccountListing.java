package com.walletdesk.account;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static com.walletdesk.jdbc.Columns.instant;
import static com.walletdesk.jdbc.Columns.utc;

/** The reads of the account table behind the operators' user list and license confirmation. */
@Repository
class AccountListing {

	private final JdbcClient jdbc;

	AccountListing(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One page of accounts by username (keyset: usernames after {@code after}), filtered. Each
	 * filter is optional (null): the username contains {@code q}; the scope is one of
	 * {@code scopeIds}; role; locked at {@code now}; refund privilege.
	 */
	List<ListedAccount> search(String q, List<Long> scopeIds, Role role, Boolean locked, Boolean canRefund, Instant now,
			String after, int limit) {
		StringBuilder sql = new StringBuilder("SELECT id, username, role, scope_id, can_refund, enabled, locked_until, "
				+ "mfa_secret, last_sign_in_at FROM account WHERE 1 = 1");
		var params = new LinkedHashMap<String, Object>();
		if (q != null) {
			// usernames are lower-case letters, digits and . _ @ -: escape the LIKE wildcards
			sql.append(" AND username LIKE :q ESCAPE '\\'");
			params.put("q", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (scopeIds != null) {
			if (scopeIds.isEmpty()) {
				return List.of();
			}
			sql.append(" AND scope_id IN (:scopes)");
			params.put("scopes", scopeIds);
		}
		if (role != null) {
			sql.append(" AND role = :role");
			params.put("role", role.name());
		}
		if (locked != null) {
			sql.append(locked ? " AND locked_until > :now" : " AND (locked_until IS NULL OR locked_until <= :now)");
			params.put("now", utc(now));
		}
		if (canRefund != null) {
			sql.append(" AND can_refund = :canRefund");
			params.put("canRefund", canRefund);
		}
		if (after != null) {
			sql.append(" AND username > :after");
			params.put("after", after);
		}
		sql.append(" ORDER BY username LIMIT ").append(limit);
		return this.jdbc.sql(sql.toString()).params(params).query((rs, n) -> {
			long scope = rs.getLong("scope_id");
			Long scopeId = rs.wasNull() ? null : scope;
			Instant lockedUntil = instant(rs, "locked_until");
			return new ListedAccount(rs.getLong("id"), rs.getString("username"), Role.valueOf(rs.getString("role")),
					scopeId, rs.getBoolean("can_refund"), rs.getBoolean("enabled"),
					lockedUntil != null && lockedUntil.isAfter(now), rs.getString("mfa_secret") != null,
					instant(rs, "last_sign_in_at"));
		}).list();
	}

	/** The enabled merchant accounts whose scope is one of these nodes. */
	List<String> enabledMerchantUsernames(List<Long> scopeIds) {
		if (scopeIds.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT username FROM account WHERE role = 'MERCHANT' AND enabled = TRUE AND scope_id IN (:ids)")
			.param("ids", scopeIds)
			.query(String.class)
			.list();
	}

	record ListedAccount(long id, String username, Role role, Long scopeId, boolean canRefund, boolean enabled,
			boolean locked, boolean mfaEnrolled, Instant lastSignInAt) {
	}

}
