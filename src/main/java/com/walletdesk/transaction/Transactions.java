package com.walletdesk.transaction;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.walletdesk.jdbc.Columns;

import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.PreparedStatementSetter;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.SqlParameterValue;
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

	/** The SQL types of {@link #INSERT}'s columns, in its order. */
	private static final int[] COLUMN_TYPES = { Types.VARCHAR, Types.BIGINT, Types.VARCHAR, Types.VARCHAR,
			Types.VARCHAR, Types.BIGINT, Types.BIGINT, Types.VARCHAR, Types.TIMESTAMP_WITH_TIMEZONE, Types.VARCHAR,
			Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR, Types.VARCHAR,
			Types.BIGINT, Types.BIGINT };

	/**
	 * {@link #INSERT} under the sequence's next value as a 12-digit ID (the sequence stops at
	 * 12 digits, its MAXVALUE), skipping an ID a channel already used.
	 */
	private static final String INSERT_UNDER_NEW_ID = INSERT.replace("VALUES (?, ",
			"VALUES (LPAD(CAST(nextval('transaction_id_seq') AS VARCHAR(20)), 12, '0'), ") + " ON CONFLICT DO NOTHING";

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
	 * Inserts the row under the next ID of the sequence, unless a channel already sent a
	 * transaction in under that ID: empty then, and nothing changed (ask again for the next).
	 * The ID is made and returned by the INSERT itself, so this is one round trip.
	 */
	Optional<String> insertUnderNewId(TransactionRow row) {
		return writeReturning(INSERT_UNDER_NEW_ID, new String[] { "id" }, ps -> bind(ps, row, false),
				(written, n) -> written.getString("id"));
	}

	/** Inserts many rows with JDBC batches (one round trip per {@value #CHUNK} rows). */
	void insertAll(List<TransactionRow> rows) {
		this.batch.batchUpdate(INSERT, rows, CHUNK, Transactions::bind);
	}

	private static void bind(PreparedStatement ps, TransactionRow row) throws SQLException {
		bind(ps, row, true);
	}

	private static void bind(PreparedStatement ps, TransactionRow row, boolean withId) throws SQLException {
		new ArgumentPreparedStatementSetter(arguments(row, withId)).setValues(ps);
	}

	/**
	 * The row's columns in {@link #INSERT}'s order, its ID first only when the statement has one,
	 * each with its SQL type (so a null binds as the column's type, and every row of a JDBC batch
	 * alike).
	 */
	private static Object[] arguments(TransactionRow row, boolean withId) {
		Object[] columns = { row.id(), row.storeId(), row.type(), row.method(), row.channel(), row.amount(), row.tip(),
				row.currency(), Columns.utc(row.createdAt()), row.reference(), row.vendorReference(),
				row.parentId(), row.terminalId(), row.loginCode(), row.cardNumber(), row.disputeTag(),
				row.transactionTag(), row.refunded(), row.refundPending() };
		int first = withId ? 0 : 1;
		Object[] typed = new Object[columns.length - first];
		for (int i = first; i < columns.length; i++) {
			typed[i - first] = new SqlParameterValue(COLUMN_TYPES[i], columns[i]);
		}
		return typed;
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
	 * it too); the UPDATE locks the charge's row until the transaction ends. False (and nothing
	 * changed) when it does not fit or the row is not a charge.
	 */
	boolean addPending(String chargeId, long amount) {
		return this.jdbc.sql("""
				UPDATE wallet_transaction SET refund_pending = refund_pending + :amount
				WHERE id = :id AND type = 'charge' AND refunded + refund_pending + :amount <= amount""")
			.param("amount", amount)
			.param("id", chargeId)
			.update() == 1;
	}

	/**
	 * Gives a reservation back (the refund failed). Returns the charge as it is now; empty (and
	 * nothing changed) when that much is not reserved.
	 */
	Optional<TransactionRow> releasePending(String chargeId, long amount) {
		return updateCharge("""
				UPDATE wallet_transaction SET refund_pending = refund_pending - ?
				WHERE id = ? AND type = 'charge' AND refund_pending >= ?""", amount, chargeId, amount);
	}

	/**
	 * Moves a reservation to the refunded amount (the refund succeeded). Returns the charge as it
	 * is now; empty (and nothing changed) when that much is not reserved.
	 */
	Optional<TransactionRow> movePendingToRefunded(String chargeId, long amount) {
		return updateCharge("""
				UPDATE wallet_transaction SET refund_pending = refund_pending - ?, refunded = refunded + ?
				WHERE id = ? AND type = 'charge' AND refund_pending >= ?""", amount, amount, chargeId, amount);
	}

	/** A guarded UPDATE of one charge that also returns the row as it left it. */
	private Optional<TransactionRow> updateCharge(String sql, Object... args) {
		return writeReturning(sql, TransactionRows.NAMES, new ArgumentPreparedStatementSetter(args), TransactionRows::map);
	}

	/**
	 * A write of at most one row that hands back columns of the row as written, in the same round
	 * trip: JDBC returns them as generated keys (PostgreSQL's driver adds {@code RETURNING}; H2
	 * does the same). Empty when no row was written.
	 */
	private <T> Optional<T> writeReturning(String sql, String[] columns, PreparedStatementSetter arguments,
			RowMapper<T> mapper) {
		return this.batch.execute((Connection connection) -> connection.prepareStatement(sql, columns),
				(PreparedStatement ps) -> {
					arguments.setValues(ps);
					ps.executeUpdate();
					try (ResultSet written = ps.getGeneratedKeys()) {
						return written.next() ? Optional.of(mapper.mapRow(written, 0)) : Optional.empty();
					}
				});
	}

}
