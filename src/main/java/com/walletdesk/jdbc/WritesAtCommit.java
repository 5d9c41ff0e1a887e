package com.walletdesk.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.springframework.jdbc.core.ArgumentPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterUtils;
import org.springframework.jdbc.core.namedparam.ParsedSql;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

/**
 * Writes whose outcome nothing in their transaction reads back, held until it commits and then
 * sent together: on PostgreSQL with the COMMIT itself, in one round trip (one statement text
 * holding them all and the COMMIT, which the driver sends as one pipeline), elsewhere one after
 * the other before the commit. A refund reserves its amount on the charge and on the day this
 * way, and its settlement writes its refund_dashboard transaction, day row, refund row and audit
 * record: each transaction's writes and its commit take one round trip, where the settlement's
 * alone took five, each of which woke the database and then the request's thread again. The
 * rows they lock stay locked only while the database runs that one text (and flushes the
 * commit), never while a reply travels to the application and the next statement back, which
 * counts most when many refunds reserve on one store's day row (docs/refunds.md).
 * <p>
 * Each write says how many rows it must change; when one changes another number, the
 * transaction rolls back with the write's own exception, as it would have at once (on
 * PostgreSQL the database checks the count, since the COMMIT follows the write). The writes
 * keep the order they were added in, after every write made at once, so a module using this
 * must add them where that order keeps its locks in the order it documents.
 * <p>
 * A transaction that what is already durable can redo may also commit without waiting for the
 * disk ({@link #commitWithoutWaitingForTheDisk()}), a refund's settlement for one.
 */
@Component
public class WritesAtCommit {

	/** A setting for the rest of the transaction, sent first with its held writes. */
	private static final String SYNCHRONOUS_COMMIT_OFF = "SET LOCAL synchronous_commit TO off";

	/** The SQLSTATE and message of a held write's failed count ({@code Write.checkedByTheDatabase}): a failed cast. */
	private static final String HELD_WRITE_CHECK_SQLSTATE = "22P02";

	private static final Pattern HELD_WRITE_FAILED = Pattern.compile("held write (\\d+) changed");

	private final JdbcTemplate jdbc;

	WritesAtCommit(DataSource dataSource) {
		this.jdbc = new JdbcTemplate(dataSource);
	}

	/**
	 * Holds a write (named parameters, as with {@code JdbcClient}) until the current transaction
	 * commits; it is never sent if the transaction rolls back before.
	 *
	 * @param rows how many rows the write must change (an UPDATE, INSERT or DELETE, to which
	 * {@code RETURNING} can be added)
	 * @param otherwise the exception that rolls the transaction back when it changes another number;
	 * it may read (on PostgreSQL it is made once the aborted transaction has rolled back)
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
		Assert.isTrue(rows >= 0, "a held write must say how many rows it changes");
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
				sendWithTheCommit(connection, writes, withoutWaitingForTheDisk);
			}
			else {
				for (Write write : writes) {
					try (PreparedStatement statement = connection.prepareStatement(write.sql())) {
						new ArgumentPreparedStatementSetter(write.args()).setValues(statement);
						write.check(statement.executeUpdate());
					}
				}
			}
			return null;
		});
	}

	/**
	 * The writes and the COMMIT as one statement text, which PostgreSQL's driver sends in one
	 * round trip (one pipeline). The driver then knows the transaction is over, and the
	 * transaction manager's commit sends nothing more. Each write's row count is checked by the
	 * database ({@link Write#checkedByTheDatabase}): a wrong count aborts the transaction there,
	 * so the COMMIT after it rolls back, and the write's own exception is thrown here.
	 */
	private static void sendWithTheCommit(Connection connection, List<Write> writes, boolean withoutWaitingForTheDisk)
			throws SQLException {
		StringBuilder sql = new StringBuilder();
		if (withoutWaitingForTheDisk) {
			sql.append(SYNCHRONOUS_COMMIT_OFF).append(";\n");
		}
		for (int i = 0; i < writes.size(); i++) {
			sql.append(writes.get(i).checkedByTheDatabase(i)).append(";\n");
		}
		sql.append("COMMIT");
		try (PreparedStatement statement = connection.prepareStatement(sql.toString())) {
			new ArgumentPreparedStatementSetter(writes.stream().flatMap(write -> Arrays.stream(write.args())).toArray())
				.setValues(statement);
			statement.execute();
		}
		catch (SQLException ex) {
			Matcher failed = HELD_WRITE_FAILED.matcher(String.valueOf(ex.getMessage()));
			if (HELD_WRITE_CHECK_SQLSTATE.equals(ex.getSQLState()) && failed.find()) {
				// the transaction is aborted: end it first, so that the exception may read (what
				// remains of a charge, say) as it could when the count was checked here
				connection.rollback();
				throw writes.get(Integer.parseInt(failed.group(1))).otherwise().get();
			}
			throw ex;
		}
	}

	private record Write(String sql, Object[] args, int rows, Supplier<? extends RuntimeException> otherwise) {

		void check(int changed) {
			if (changed != this.rows) {
				throw this.otherwise.get();
			}
		}

		/**
		 * The write as a statement that fails in the database when it changes another number of
		 * rows: it then casts a message naming the write to a number, and the cast's error aborts
		 * the transaction. (A PL/pgSQL function raising it read about 18 catalog rows a call.)
		 */
		String checkedByTheDatabase(int writeNo) {
			return "WITH changed AS (" + this.sql.strip() + " RETURNING 1) SELECT CASE WHEN count(*) = " + this.rows
					+ " THEN 0 ELSE ('held write " + writeNo + " changed ' || count(*) || ' rows')::int END FROM changed";
		}

	}

	/** The writes one transaction holds, sent when it commits (on PostgreSQL, with the COMMIT). */
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
