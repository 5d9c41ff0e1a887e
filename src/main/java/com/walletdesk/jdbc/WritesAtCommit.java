package com.walletdesk.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlTypeValue;
import org.springframework.jdbc.core.StatementCreatorUtils;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes whose outcome nothing in their transaction reads back, held until just before it
 * commits and then sent together: on PostgreSQL in one round trip (one statement text holding
 * them all, which the driver sends as one pipeline), elsewhere one after the other. A refund
 * reserves its amount on the charge and on the day this way, and its settlement writes its
 * refund_dashboard transaction, day row, refund row and audit record: one round trip each where
 * there were six, each of which woke the database and then the request's thread again.
 * <p>
 * Each write says how many rows it must change; when one changes another number, the
 * transaction rolls back with the write's own exception, as it would have at once. The writes
 * keep the order they were added in, after every write made at once, so a module using this
 * must add them where that order keeps its locks in the order it documents.
 * <p>
 * A transaction that what is already durable can redo may also commit without waiting for the
 * disk ({@link #commitWithoutWaitingForTheDisk()}), a refund's settlement for one.
 */
@Component
public class WritesAtCommit {

	/** A setting for the rest of the transaction: changes no rows, and its count is not checked. */
	private static final Write SYNCHRONOUS_COMMIT_OFF = new Write("SET LOCAL synchronous_commit TO off", new Object[0],
			-1, IllegalStateException::new);

	private final JdbcTemplate jdbc;

	WritesAtCommit(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/**
	 * Holds a write (named parameters, as with {@code JdbcClient}) until the current transaction
	 * commits; it is never sent if the transaction rolls back before.
	 *
	 * @param rows how many rows the write must change
	 * @param otherwise the exception that rolls the transaction back when it changes another number
	 * @throws IllegalStateException outside a transaction
	 */
	public void add(String sql, Map<String, ?> params, int rows, Supplier<? extends RuntimeException> otherwise) {
		ParsedSql parsed = NamedParameterUtils.parseSqlStatement(sql);
		MapSqlParameterSource source = new MapSqlParameterSource(params);
		add(NamedParameterUtils.substituteNamedParameters(parsed, source),
				NamedParameterUtils.buildValueArray(parsed, source, null), rows, otherwise);
	}

	/** {@link #add(String, Map, int, Supplier)} for SQL with {@code ?} placeholders, bound in order. */
	public void add(String sql, Object[] args, int rows, Supplier<? extends RuntimeException> otherwise) {
		requireTransaction();
		held().writes.add(new Write(sql, args.clone(), rows, otherwise));
	}

	private static void requireTransaction() {
		if (!TransactionSynchronizationManager.isActualTransactionActive()
				|| !TransactionSynchronizationManager.isSynchronizationActive()) {
			throw new IllegalStateException("writes held until commit need a transaction");
		}
	}

	/**
	 * Lets the current transaction's commit return before its WAL is on disk: PostgreSQL's
	 * {@code synchronous_commit} off, for this transaction only ({@code SET LOCAL}, sent first
	 * with its held writes, so it costs no round trip; nothing when it holds none). Its changes
	 * are seen by others at once, and any later commit that waits for the disk takes them with
	 * it; only a crash of the database server within the WAL writer's delay (a fraction of a
	 * second) can lose them. For a transaction that what is already durable can redo; nothing
	 * on other databases.
	 */
	public void commitWithoutWaitingForTheDisk() {
		requireTransaction();
		held().withoutWaitingForTheDisk = true;
	}

	/** The writes of the current transaction: found among its synchronizations (a suspended one's are not). */
	private Held held() {
		for (TransactionSynchronization synchronization : TransactionSynchronizationManager.getSynchronizations()) {
			if (synchronization instanceof Held held && held.owner == this) {
				return held;
			}
		}
		Held held = new Held(this);
		TransactionSynchronizationManager.registerSynchronization(held);
		return held;
	}

	private void send(List<Write> writes, boolean withoutWaitingForTheDisk) {
		if (writes.isEmpty()) {
			return;
		}
		this.jdbc.execute((Connection connection) -> {
			if ("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
				List<Write> all = writes;
				if (withoutWaitingForTheDisk) {
					all = new ArrayList<>(writes.size() + 1);
					all.add(SYNCHRONOUS_COMMIT_OFF);
					all.addAll(writes);
				}
				sendTogether(connection, all);
			}
			else {
				for (Write write : writes) {
					sendTogether(connection, List.of(write));
				}
			}
			return null;
		});
	}

	/**
	 * The writes as one statement text: PostgreSQL's driver sends its statements in one round trip
	 * and answers with an update count for each, in order (none of them returns rows).
	 */
	private static void sendTogether(Connection connection, List<Write> writes) throws SQLException {
		String sql = String.join(";\n", writes.stream().map(Write::sql).toList());
		try (PreparedStatement statement = connection.prepareStatement(sql)) {
			int index = 1;
			for (Write write : writes) {
				for (Object arg : write.args()) {
					StatementCreatorUtils.setParameterValue(statement, index++, SqlTypeValue.TYPE_UNKNOWN, arg);
				}
			}
			statement.execute();
			for (Write write : writes) {
				write.check(statement.getUpdateCount());
				statement.getMoreResults();
			}
		}
	}

	private record Write(String sql, Object[] args, int rows, Supplier<? extends RuntimeException> otherwise) {

		void check(int changed) {
			if (this.rows >= 0 && changed != this.rows) {
				throw this.otherwise.get();
			}
		}

	}

	/** The writes one transaction holds, sent before it commits. */
	private static final class Held implements TransactionSynchronization {

		final WritesAtCommit owner;

		final List<Write> writes = new ArrayList<>();

		boolean withoutWaitingForTheDisk;

		Held(WritesAtCommit owner) {
			this.owner = owner;
		}

		@Override
		public void beforeCommit(boolean readOnly) {
			this.owner.send(this.writes, this.withoutWaitingForTheDisk);
		}

		@Override
		public int getOrder() {
			// last: a write another synchronization holds in its own beforeCommit still goes
			return LOWEST_PRECEDENCE;
		}

	}

}
