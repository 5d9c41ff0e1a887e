package com.walletdesk.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.PostgresOnly;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.TransactionState;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/**
 * On PostgreSQL the held writes travel with the COMMIT: once they are sent, the connection is
 * out of its transaction already, so the transaction manager's commit costs no round trip; and
 * a write the database finds changing another number of rows rolls the whole transaction back
 * with its own exception, the writes before it included, and that exception may read.
 */
@IntegrationTest
@PostgresOnly
class CommitWithTheWritesIT {

	private static final String ADD = "UPDATE commit_with_writes_test SET n = n + :by WHERE id = :id";

	@Autowired
	WritesAtCommit atCommit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactionManager;

	TransactionTemplate transaction;

	@BeforeEach
	void createTable() {
		this.jdbc.sql("CREATE TABLE commit_with_writes_test (id BIGINT PRIMARY KEY, n BIGINT NOT NULL)").update();
		this.jdbc.sql("INSERT INTO commit_with_writes_test (id, n) VALUES (1, 1), (2, 2)").update();
		this.transaction = new TransactionTemplate(this.transactionManager);
	}

	@AfterEach
	void dropTable() {
		this.jdbc.sql("DROP TABLE commit_with_writes_test").update();
	}

	@Test
	void theTransactionIsCommittedWhenTheWritesHaveBeenSent() {
		List<TransactionState> afterTheWrites = new ArrayList<>();
		this.transaction.executeWithoutResult(status -> {
			this.jdbc.sql(ADD).param("by", 1).param("id", 2).update();
			this.atCommit.add(ADD, Map.of("by", 4, "id", 1), 1, IllegalStateException::new);
			afterTheWritesAreSent(() -> afterTheWrites.add(transactionState()));
		});

		assertThat(afterTheWrites).containsExactly(TransactionState.IDLE);
		assertThat(n(1)).isEqualTo(5);
		assertThat(n(2)).isEqualTo(3);
	}

	@Test
	void aTransactionHoldingNoWritesIsStillOpenUntilTheTransactionManagerCommitsIt() {
		List<TransactionState> beforeTheCommit = new ArrayList<>();
		this.transaction.executeWithoutResult(status -> {
			this.jdbc.sql(ADD).param("by", 1).param("id", 2).update();
			afterTheWritesAreSent(() -> beforeTheCommit.add(transactionState()));
		});

		assertThat(beforeTheCommit).containsExactly(TransactionState.OPEN);
		assertThat(n(2)).isEqualTo(3);
	}

	@Test
	void theDatabaseChecksEachWritesRowCountBeforeTheCommit() {
		assertThatIllegalStateException().isThrownBy(() -> this.transaction.executeWithoutResult(status -> {
			this.jdbc.sql(ADD).param("by", 1).param("id", 2).update();
			this.atCommit.add(ADD, Map.of("by", 4, "id", 1), 1, () -> new IllegalStateException("first"));
			this.atCommit.add("UPDATE commit_with_writes_test SET n = n + 1", Map.of(), 1,
					() -> new IllegalStateException("second changed two rows; row 2 holds " + n(2)));
			this.atCommit.add(ADD, Map.of("by", 4, "id", 99), 1, () -> new IllegalStateException("third"));
		})).withMessage("second changed two rows; row 2 holds 2");

		assertThat(n(1)).isEqualTo(1);
		assertThat(n(2)).isEqualTo(2);
		// the connection went back to the pool out of any transaction, and works
		this.transaction.executeWithoutResult(status -> this.atCommit.add(ADD, Map.of("by", 4, "id", 1), 1,
				IllegalStateException::new));
		assertThat(n(1)).isEqualTo(5);
	}

	/** Runs after every beforeCommit, so after the held writes are sent, and before the commit. */
	private static void afterTheWritesAreSent(Runnable check) {
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
			@Override
			public void beforeCompletion() {
				check.run();
			}
		});
	}

	private TransactionState transactionState() {
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		try {
			return connection.unwrap(BaseConnection.class).getTransactionState();
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
		finally {
			DataSourceUtils.releaseConnection(connection, this.dataSource);
		}
	}

	private long n(long id) {
		return this.jdbc.sql("SELECT n FROM commit_with_writes_test WHERE id = :id").param("id", id).query(Long.class).single();
	}

}
