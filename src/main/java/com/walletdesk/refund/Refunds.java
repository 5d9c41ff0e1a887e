package com.walletdesk.refund;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import static com.walletdesk.jdbc.Columns.instant;
import static com.walletdesk.jdbc.Columns.truncate;
import static com.walletdesk.jdbc.Columns.utc;

/** The refund table. Every write that changes a state is guarded by the state it expects. */
@Repository
class Refunds {

	private static final String COLUMNS = "r.id, r.account_id, r.created_by, r.idempotency_key, r.fingerprint, r.charge_id, "
			+ "r.store_id, r.amount, r.currency, r.reason, r.state, r.transaction_id, r.provider_reference, "
			+ "r.provider_message, r.created_at, r.settled_at, r.attempts, r.next_check_at, r.answered_state, "
			+ "r.answered_remaining";

	private final JdbcClient jdbc;

	Refunds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Stores a new refund unless its (account, idempotency key) is taken: the unique constraint
	 * decides, so two requests with one key can never both get here. Empty when taken (on
	 * PostgreSQL, after waiting for a concurrent insert of the same key to commit or roll back);
	 * else the refund under the ID the INSERT returned.
	 */
	Optional<Refund> insertIfAbsent(Refund refund) {
		KeyHolder keys = new GeneratedKeyHolder();
		int inserted = this.jdbc.sql("""
				INSERT INTO refund (account_id, created_by, idempotency_key, fingerprint, charge_id, store_id, amount,
				  currency, reason, state, created_at, attempts, next_check_at)
				VALUES (:account, :createdBy, :key, :fingerprint, :charge, :store, :amount, :currency, :reason, :state,
				  :createdAt, 0, :nextCheckAt)
				ON CONFLICT DO NOTHING""")
			.param("account", refund.accountId())
			.param("createdBy", refund.createdBy())
			.param("key", refund.idempotencyKey())
			.param("fingerprint", refund.fingerprint())
			.param("charge", refund.chargeId())
			.param("store", refund.storeId())
			.param("amount", refund.amount())
			.param("currency", refund.currency())
			.param("reason", refund.reason())
			.param("state", refund.state().wireName())
			.param("createdAt", utc(refund.createdAt()))
			.param("nextCheckAt", utc(refund.nextCheckAt()))
			.update(keys, "id");
		if (inserted == 0) {
			return Optional.empty();
		}
		long id = keys.getKeyAs(Number.class).longValue();
		return Optional.of(new Refund(id, refund.accountId(), refund.createdBy(), refund.idempotencyKey(),
				refund.fingerprint(), refund.chargeId(), refund.storeId(), refund.amount(), refund.currency(),
				refund.reason(), refund.state(), null, null, null, refund.createdAt(), null, 0, refund.nextCheckAt(),
				null, null));
	}

	/** Sets the amount of a refund stored in this transaction (a whole-remaining refund, once known). */
	void changeAmount(long id, long amount) {
		this.jdbc.sql("UPDATE refund SET amount = :amount WHERE id = :id AND state = 'pending' AND answered_state IS NULL")
			.param("amount", amount)
			.param("id", id)
			.update();
	}

	Optional<Refund> findByKey(long accountId, String key) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM refund r WHERE r.account_id = :account AND r.idempotency_key = :key")
			.param("account", accountId)
			.param("key", key)
			.query(Refunds::map)
			.optional();
	}

	Optional<Refund> findById(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM refund r WHERE r.id = :id")
			.param("id", id)
			.query(Refunds::map)
			.optional();
	}

	/** The refund, locked until the surrounding transaction ends. */
	Optional<Refund> lock(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM refund r WHERE r.id = :id FOR UPDATE")
			.param("id", id)
			.query(Refunds::map)
			.optional();
	}

	/** The dashboard refunds of a charge, oldest first. */
	List<Refund> findByCharge(String chargeId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM refund r WHERE r.charge_id = :charge ORDER BY r.created_at, r.id")
			.param("charge", chargeId)
			.query(Refunds::map)
			.list();
	}

	/**
	 * Writes a refund's move and answer, only if it is still in the state it was read in (the
	 * caller holds its lock; the guard makes a lost update impossible anyway).
	 *
	 * @throws IllegalRefundMoveException when it is no longer in that state
	 */
	void update(Refund before, Refund after) {
		int updated = this.jdbc.sql("""
				UPDATE refund SET state = :state, transaction_id = :transactionId, provider_reference = :reference,
				  provider_message = :message, settled_at = :settledAt, answered_state = :answeredState,
				  answered_remaining = :answeredRemaining
				WHERE id = :id AND state = :previousState""")
			.param("state", after.state().wireName())
			.param("transactionId", after.transactionId())
			.param("reference", truncate(after.providerReference(), 64))
			.param("message", truncate(after.providerMessage(), 500))
			.param("settledAt", utc(after.settledAt()))
			.param("answeredState", after.answeredState() == null ? null : after.answeredState().wireName())
			.param("answeredRemaining", after.answeredRemaining())
			.param("id", after.id())
			.param("previousState", before.state().wireName())
			.update();
		if (updated != 1) {
			throw new IllegalRefundMoveException("refund " + after.id() + " is no longer " + before.state().wireName());
		}
	}

	/**
	 * Pending refunds due for a check, locked, skipping rows another instance (or a request
	 * settling its own refund) holds: several reconcilers never pick the same refund.
	 */
	List<Due> lockDue(Instant now, int limit) {
		return this.jdbc.sql("""
				SELECT r.id, r.attempts FROM refund r
				WHERE r.state = 'pending' AND r.next_check_at <= :now
				ORDER BY r.next_check_at, r.id
				LIMIT :limit FOR UPDATE SKIP LOCKED""")
			.param("now", utc(now))
			.param("limit", limit)
			.query((rs, n) -> new Due(rs.getLong("id"), rs.getInt("attempts")))
			.list();
	}

	/** Counts a check and sets the next one (the back-off); done while holding the row lock. */
	void scheduleNextCheck(long id, int attempts, Instant next) {
		this.jdbc.sql("UPDATE refund SET attempts = :attempts, next_check_at = :next WHERE id = :id AND state = 'pending'")
			.param("attempts", attempts)
			.param("next", utc(next))
			.param("id", id)
			.update();
	}

	/**
	 * Flags a pending refund for an operator (the wallet reports it stuck), keeping when it was
	 * first flagged, with the wallet's reference and words. A refund settled meanwhile is left alone.
	 */
	void flagAttention(long id, Instant at, String reference, String message) {
		this.jdbc.sql("""
				UPDATE refund SET attention_since = COALESCE(attention_since, :at),
				  provider_reference = COALESCE(:reference, provider_reference), provider_message = :message
				WHERE id = :id AND state = 'pending'""")
			.param("at", utc(at))
			.param("reference", truncate(reference, 64))
			.param("message", truncate(message, 500))
			.param("id", id)
			.update();
	}

	/** Pending refunds flagged for an operator, longest waiting first. */
	List<Flagged> flagged(int limit) {
		return this.jdbc.sql("SELECT " + COLUMNS + ", r.attention_since FROM refund r "
				+ "WHERE r.state = 'pending' AND r.attention_since IS NOT NULL ORDER BY r.attention_since, r.id LIMIT :limit")
			.param("limit", limit)
			.query((rs, n) -> new Flagged(map(rs, n), instant(rs, "attention_since")))
			.list();
	}

	/** A refund flagged for an operator, and since when. */
	record Flagged(Refund refund, Instant since) {
	}

	record Due(long id, int attempts) {
	}

	private static Refund map(ResultSet rs, int row) throws SQLException {
		String answered = rs.getString("answered_state");
		long remaining = rs.getLong("answered_remaining");
		Long answeredRemaining = rs.wasNull() ? null : remaining;
		return new Refund(rs.getLong("id"), rs.getLong("account_id"), rs.getString("created_by"),
				rs.getString("idempotency_key"), rs.getString("fingerprint"), rs.getString("charge_id"),
				rs.getLong("store_id"), rs.getLong("amount"), rs.getString("currency").trim(), rs.getString("reason"),
				RefundState.fromWire(rs.getString("state")), rs.getString("transaction_id"),
				rs.getString("provider_reference"), rs.getString("provider_message"), instant(rs, "created_at"),
				instant(rs, "settled_at"), rs.getInt("attempts"), instant(rs, "next_check_at"),
				answered == null ? null : RefundState.fromWire(answered), answeredRemaining);
	}

}
