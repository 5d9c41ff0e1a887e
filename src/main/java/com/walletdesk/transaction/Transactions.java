package com.walletdesk.transaction;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Writes to the transaction table (the read model lives in {@link TransactionQuery}). */
@Repository
class Transactions {

	/** Rows per JDBC batch, and ids per IN list. */
	private static final int CHUNK = 500;

	private static final long LARGEST_ID = 999_999_999_999L;

	private static final String INSERT = """
			INSERT INTO wallet_transaction (id, store_id, type, method, channel, amount, tip, currency, created_at,
			  reference, vendor_reference, parent_id, terminal_id, login_code, card_number, dispute_tag,
			  transaction_tag, refunded, refund_pending)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

	private static final String ADD_REFUNDED = """
			UPDATE wallet_transaction SET refunded = refunded + ?
			WHERE id = ? AND store_id = ? AND type = 'charge' AND refunded + refund_pending + ? <= amount""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	Transactions(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/** The next {@code count} values of the id sequence, as 12-digit ids, in one round trip. */
	List<String> nextIds(int count) {
		return this.jdbc.sql("SELECT nextval('transaction_id_seq') AS id FROM generate_series(1, :count)")
			.param("count", count)
			.query((rs, n) -> {
				long value = rs.getLong("id");
				if (value > LARGEST_ID) {
					throw new IllegalStateException("transaction_id_seq has run past 12 digits");
				}
				return String.format("%012d", value);
			})
			.list();
	}

	/** Which of these ids are stored already. */
	Set<String> existingIds(Collection<String> ids) {
		Set<String> existing = new HashSet<>();
		for (List<String> chunk : chunks(List.copyOf(ids))) {
			existing.addAll(this.jdbc.sql("SELECT t.id FROM wallet_transaction t WHERE t.id IN (:ids)")
				.param("ids", chunk)
				.query(String.class)
				.list());
		}
		return existing;
	}

	Map<String, TransactionRow> findAllById(Collection<String> ids) {
		Map<String, TransactionRow> rows = new LinkedHashMap<>();
		for (List<String> chunk : chunks(List.copyOf(ids))) {
			this.jdbc.sql("SELECT " + TransactionRows.COLUMNS + " FROM wallet_transaction t WHERE t.id IN (:ids)")
				.param("ids", chunk)
				.query(TransactionRows::map)
				.list()
				.forEach(row -> rows.put(row.id(), row));
		}
		return rows;
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
		this.batch.update(INSERT, ps -> bind(ps, row));
	}

	/**
	 * Inserts the row unless its id is taken (by a transaction a channel sent in under that id):
	 * false then, and nothing changed. The id is the only unique key of the table.
	 */
	boolean insertIfIdFree(TransactionRow row) {
		return this.batch.update(INSERT + " ON CONFLICT DO NOTHING", ps -> bind(ps, row)) == 1;
	}

	/** Inserts many rows with JDBC batches (one round trip per {@value #CHUNK} rows). */
	void insertAll(List<TransactionRow> rows) {
		this.batch.batchUpdate(INSERT, rows, CHUNK, Transactions::bind);
	}

	private static void bind(PreparedStatement ps, TransactionRow row) throws SQLException {
		ps.setString(1, row.id());
		ps.setLong(2, row.storeId());
		ps.setString(3, row.type());
		ps.setString(4, row.method());
		ps.setString(5, row.channel());
		ps.setLong(6, row.amount());
		ps.setLong(7, row.tip());
		ps.setString(8, row.currency());
		ps.setObject(9, TransactionRows.utc(row.createdAt()), Types.TIMESTAMP_WITH_TIMEZONE);
		ps.setString(10, row.reference());
		ps.setString(11, row.vendorReference());
		ps.setString(12, row.parentId());
		ps.setString(13, row.terminalId());
		ps.setString(14, row.loginCode());
		ps.setString(15, row.cardNumber());
		ps.setString(16, row.disputeTag());
		ps.setString(17, row.transactionTag());
		ps.setLong(18, row.refunded());
		ps.setLong(19, row.refundPending());
	}

	/**
	 * Adds a succeeded refund to its charge, only if it fits and the charge belongs to the same
	 * store: the condition and the table's CHECK both refuse a total beyond the charge. False
	 * when it does not fit.
	 */
	boolean addRefunded(String chargeId, long storeId, long amount) {
		return this.batch.update(ADD_REFUNDED, amount, chargeId, storeId, amount) == 1;
	}

	/**
	 * {@link #addRefunded} for many charges in JDBC batches; the ids of the charges it did not
	 * fit (unknown, not a charge of that store, or not enough remaining), in order.
	 */
	List<String> addRefundedAll(List<RefundTotal> totals) {
		List<String> refused = new ArrayList<>();
		int[][] counts = this.batch.batchUpdate(ADD_REFUNDED, totals, CHUNK, (ps, total) -> {
			ps.setLong(1, total.amount());
			ps.setString(2, total.chargeId());
			ps.setLong(3, total.storeId());
			ps.setLong(4, total.amount());
		});
		int i = 0;
		for (int[] chunk : counts) {
			for (int count : chunk) {
				if (count != 1) {
					refused.add(totals.get(i).chargeId());
				}
				i++;
			}
		}
		return refused;
	}

	/** The sum of new refunds of one charge. */
	record RefundTotal(String chargeId, long storeId, long amount) {
	}

	private static <T> List<List<T>> chunks(List<T> values) {
		List<List<T>> chunks = new ArrayList<>();
		for (int i = 0; i < values.size(); i += CHUNK) {
			chunks.add(values.subList(i, Math.min(values.size(), i + CHUNK)));
		}
		return chunks;
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

}
