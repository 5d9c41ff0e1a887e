package com.walletdesk.transaction;

import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes to the transaction table (the read model lives in {@link TransactionQuery}). */
@Repository
class Transactions {

	private final JdbcClient jdbc;

	Transactions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	String nextId() {
		long value = this.jdbc.sql("SELECT nextval('transaction_id_seq')").query(Long.class).single();
		return String.format("%012d", value);
	}

	Optional<TransactionRow> findById(String id) {
		return this.jdbc.sql("SELECT " + TransactionRows.COLUMNS + " FROM wallet_transaction t WHERE t.id = :id")
			.param("id", id)
			.query(TransactionRows::map)
			.optional();
	}

	Optional<TransactionRow> findByIdForUpdate(String id) {
		return this.jdbc
			.sql("SELECT " + TransactionRows.COLUMNS + " FROM wallet_transaction t WHERE t.id = :id FOR UPDATE")
			.param("id", id)
			.query(TransactionRows::map)
			.optional();
	}

	void insert(TransactionRow row) {
		this.jdbc.sql("""
				INSERT INTO wallet_transaction (id, store_id, type, method, channel, amount, tip, currency, created_at,
				  reference, vendor_reference, parent_id, terminal_id, login_code, card_number, dispute_tag,
				  transaction_tag, refunded, refund_pending)
				VALUES (:id, :storeId, :type, :method, :channel, :amount, :tip, :currency, :createdAt,
				  :reference, :vendorReference, :parentId, :terminalId, :loginCode, :cardNumber, :disputeTag,
				  :transactionTag, :refunded, :refundPending)""")
			.param("id", row.id())
			.param("storeId", row.storeId())
			.param("type", row.type())
			.param("method", row.method())
			.param("channel", row.channel())
			.param("amount", row.amount())
			.param("tip", row.tip())
			.param("currency", row.currency())
			.param("createdAt", TransactionRows.utc(row.createdAt()))
			.param("reference", row.reference())
			.param("vendorReference", row.vendorReference())
			.param("parentId", row.parentId())
			.param("terminalId", row.terminalId())
			.param("loginCode", row.loginCode())
			.param("cardNumber", row.cardNumber())
			.param("disputeTag", row.disputeTag())
			.param("transactionTag", row.transactionTag())
			.param("refunded", row.refunded())
			.param("refundPending", row.refundPending())
			.update();
	}

	/**
	 * Adds a succeeded refund to its charge, only if it fits: the condition and the table's
	 * CHECK both refuse a total beyond the charge. False when it does not fit.
	 */
	boolean addRefunded(String chargeId, long amount) {
		return this.jdbc.sql("""
				UPDATE wallet_transaction SET refunded = refunded + :amount
				WHERE id = :id AND type = 'charge' AND refunded + refund_pending + :amount <= amount""")
			.param("amount", amount)
			.param("id", chargeId)
			.update() == 1;
	}

	/**
	 * Reserves a pending dashboard refund on a charge, only if it fits (the table's CHECK refuses
	 * it too). False when it does not fit or the row is not a charge.
	 */
	boolean addPending(String chargeId, long amount) {
		return this.jdbc.sql("""
				UPDATE wallet_transaction SET refund_pending = refund_pending + :amount
				WHERE id = :id AND type = 'charge' AND refunded + refund_pending + :amount <= amount""")
			.param("amount", amount)
			.param("id", chargeId)
			.update() == 1;
	}

	/** Gives a reservation back (the refund failed). False when that much is not reserved. */
	boolean releasePending(String chargeId, long amount) {
		return this.jdbc.sql("""
				UPDATE wallet_transaction SET refund_pending = refund_pending - :amount
				WHERE id = :id AND type = 'charge' AND refund_pending >= :amount""")
			.param("amount", amount)
			.param("id", chargeId)
			.update() == 1;
	}

	/** Moves a reservation to the refunded amount (the refund succeeded). False when not reserved. */
	boolean movePendingToRefunded(String chargeId, long amount) {
		return this.jdbc.sql("""
				UPDATE wallet_transaction SET refund_pending = refund_pending - :amount, refunded = refunded + :amount
				WHERE id = :id AND type = 'charge' AND refund_pending >= :amount""")
			.param("amount", amount)
			.param("id", chargeId)
			.update() == 1;
	}

	/**
	 * A store's charges and refunds (both kinds) in one currency created in [from, to): one
	 * range of the (store_id, created_at, id) index.
	 */
	TransactionService.DayTotals totals(long storeId, String currency, java.time.Instant from, java.time.Instant to) {
		return this.jdbc.sql("""
				SELECT COALESCE(SUM(CASE WHEN t.type = 'charge' THEN t.amount ELSE 0 END), 0) AS sales,
				       COALESCE(SUM(CASE WHEN t.type <> 'charge' THEN t.amount ELSE 0 END), 0) AS refunds
				FROM wallet_transaction t
				WHERE t.store_id = :store AND t.created_at >= :from AND t.created_at < :to AND t.currency = :currency""")
			.param("store", storeId)
			.param("from", TransactionRows.utc(from))
			.param("to", TransactionRows.utc(to))
			.param("currency", currency)
			.query((rs, n) -> new TransactionService.DayTotals(rs.getLong("sales"), rs.getLong("refunds")))
			.single();
	}

}
