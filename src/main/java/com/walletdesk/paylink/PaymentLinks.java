package com.walletdesk.paylink;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import static com.walletdesk.jdbc.Columns.instant;
import static com.walletdesk.jdbc.Columns.utc;

/** The payment_link table (V82). Every status move is a guarded UPDATE: it happens once or not at all. */
@Repository
class PaymentLinks {

	private static final String COLUMNS = "id, store_id, token, reference, amount, currency, description, methods, "
			+ "status, expires_at, created_by, created_at, paid_at, paid_transaction_id, cancelled_at";

	private final JdbcClient jdbc;

	PaymentLinks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(long storeId, String token, String reference, long amount, String currency, String description,
			List<String> methods, Instant expiresAt, String createdBy, Instant now) {
		var keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO payment_link (store_id, token, reference, amount, currency, description, methods, status,
				    expires_at, created_by, created_at)
				VALUES (:storeId, :token, :reference, :amount, :currency, :description, :methods, 'active',
				    :expiresAt, :createdBy, :now)""")
			.param("storeId", storeId)
			.param("token", token)
			.param("reference", reference)
			.param("amount", amount)
			.param("currency", currency)
			.param("description", description)
			.param("methods", String.join(",", methods))
			.param("expiresAt", utc(expiresAt))
			.param("createdBy", createdBy)
			.param("now", utc(now))
			.update(keys, "id");
		return keys.getKeyAs(Number.class).longValue();
	}

	Optional<PaymentLink> findById(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM payment_link WHERE id = :id")
			.param("id", id)
			.query(PaymentLinks::map)
			.optional();
	}

	Optional<PaymentLink> findByToken(String token) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM payment_link WHERE token = :token")
			.param("token", token)
			.query(PaymentLinks::map)
			.optional();
	}

	/**
	 * A store's links, newest first, from below {@code beforeId} (null: from the newest), at most
	 * {@code limit}; {@code status} null for all, else one of {@link PaymentLink#STATUSES} as of {@code now}.
	 */
	List<PaymentLink> findByStore(long storeId, String status, Instant now, Long beforeId, int limit) {
		String where = switch (status == null ? "" : status) {
			case PaymentLink.ACTIVE -> " AND status = 'active' AND expires_at > :now";
			case PaymentLink.EXPIRED -> " AND status = 'active' AND expires_at <= :now";
			case PaymentLink.PAID -> " AND status = 'paid'";
			case PaymentLink.CANCELLED -> " AND status = 'cancelled'";
			default -> "";
		};
		var sql = this.jdbc.sql("SELECT " + COLUMNS + " FROM payment_link WHERE store_id = :storeId" + where
				+ (beforeId == null ? "" : " AND id < :beforeId") + " ORDER BY id DESC LIMIT :limit")
			.param("storeId", storeId)
			.param("limit", limit);
		if (where.contains(":now")) {
			sql = sql.param("now", utc(now));
		}
		if (beforeId != null) {
			sql = sql.param("beforeId", beforeId);
		}
		return sql.query(PaymentLinks::map).list();
	}

	/** active -> paid, only while it is active and not expired: true for exactly one caller. */
	boolean markPaid(long id, Instant now) {
		return this.jdbc.sql("""
				UPDATE payment_link SET status = 'paid', paid_at = :now
				WHERE id = :id AND status = 'active' AND expires_at > :now""")
			.param("now", utc(now))
			.param("id", id)
			.update() == 1;
	}

	void recordCharge(long id, String transactionId) {
		this.jdbc.sql("UPDATE payment_link SET paid_transaction_id = :tx WHERE id = :id")
			.param("tx", transactionId)
			.param("id", id)
			.update();
	}

	/** active -> cancelled, only while it is active and not expired. */
	boolean cancel(long id, Instant now) {
		return this.jdbc.sql("""
				UPDATE payment_link SET status = 'cancelled', cancelled_at = :now
				WHERE id = :id AND status = 'active' AND expires_at > :now""")
			.param("now", utc(now))
			.param("id", id)
			.update() == 1;
	}

	private static PaymentLink map(ResultSet rs, int row) throws SQLException {
		return new PaymentLink(rs.getLong("id"), rs.getLong("store_id"), rs.getString("token"), rs.getString("reference"),
				rs.getLong("amount"), rs.getString("currency"), rs.getString("description"),
				Arrays.asList(rs.getString("methods").split(",")), rs.getString("status"), instant(rs, "expires_at"),
				rs.getString("created_by"), instant(rs, "created_at"), instant(rs, "paid_at"),
				rs.getString("paid_transaction_id"), instant(rs, "cancelled_at"));
	}

}
