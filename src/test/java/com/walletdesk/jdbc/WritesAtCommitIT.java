package com.walletdesk.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.function.Supplier;

import com.walletdesk.support.IntegrationTest;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes held until commit, on both databases (on PostgreSQL they travel as one statement text):
 * sent only when the transaction commits, in the order added, each with its row count checked,
 * and a wrong count rolls back the whole transaction with the write's own exception.
 */
@IntegrationTest
class WritesAtCommitIT {

	private static final String ADD = "UPDATE writes_at_commit_test SET n = n + :by WHERE id = :id";

	private static final Supplier<RuntimeException> UNEXPECTED = () -> new IllegalStateException("unexpected row count");

	private static final String TIMES = "UPDATE writes_at_commit_test SET n = n * :by WHERE id = :id";

	@Autowired
	WritesAtCommit atCommit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	TransactionTemplate transaction;

	@BeforeEach
	void createTable() {
		this.jdbc.sql("CREATE TABLE writes_at_commit_test (id BIGINT PRIMARY KEY, n BIGINT NOT NULL CHECK (n < 1000))")
			.update();
		this.jdbc.sql("INSERT INTO writes_at_commit_test (id, n) VALUES (1, 1), (2, 2)").update();
		this.transaction = new TransactionTemplate(this.transactionManager);
	}

	@AfterEach
	void dropTable() {
		this.jdbc.sql("DROP TABLE writes_at_commit_test").update();
	}

	@Test
	void sendsTheWritesWhenTheTransactionCommitsInTheOrderAdded() {
		this.transaction.executeWithoutResult(status -> {
			this.atCommit.add(ADD, Map.of("by", 4, "id", 1), 1, UNEXPECTED);
			this.atCommit.add(TIMES, Map.of("by", 10, "id", 1), 1, UNEXPECTED);
			this.atCommit.add(TIMES, Map.of("by", 3, "id", 2), 1, UNEXPECTED);
			// held: the transaction itself does not see them yet
			assertThat(n(1)).isEqualTo(1);
		});

		assertThat(n(1)).isEqualTo(50);
		assertThat(n(2)).isEqualTo(6);
	}

	@Test
	void sendsNothingWhenTheTransactionRollsBack() {
		this.transaction.executeWithoutResult(status -> {
			this.atCommit.add(ADD, Map.of("by", 4, "id", 1), 1, UNEXPECTED);
			status.setRollbackOnly();
		});

		assertThat(n(1)).isEqualTo(1);
	}

	@Test
	void aWriteChangingAnotherNumberOfRowsRollsBackTheWholeTransactionWithItsException() {
		assertThatIllegalStateException().isThrownBy(() -> this.transaction.executeWithoutResult(status -> {
			this.jdbc.sql(ADD).param("by", 100).param("id", 2).update();
			this.atCommit.add(ADD, Map.of("by", 4, "id", 1), 1, UNEXPECTED);
			this.atCommit.add(ADD, Map.of("by", 4, "id", 99), 1, () -> new IllegalStateException("row 99 is missing"));
		})).withMessage("row 99 is missing");

		assertThat(n(1)).isEqualTo(1);
		assertThat(n(2)).isEqualTo(2);
	}

	@Test
	void aWriteTheDatabaseRefusesRollsBackTheWholeTransaction() {
		assertThatThrownBy(() -> this.transaction.executeWithoutResult(status -> {
			this.atCommit.add(ADD, Map.of("by", 4, "id", 1), 1, UNEXPECTED);
			this.atCommit.add(ADD, Map.of("by", 5000, "id", 2), 1, UNEXPECTED);
		})).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);

		assertThat(n(1)).isEqualTo(1);
		assertThat(n(2)).isEqualTo(2);
	}

	@Test
	void anInnerTransactionSendsItsOwnWritesWithItsOwnCommit() {
		TransactionTemplate inner = new TransactionTemplate(this.transactionManager);
		inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

		assertThatIllegalStateException().isThrownBy(() -> this.transaction.executeWithoutResult(status -> {
			this.atCommit.add(ADD, Map.of("by", 4, "id", 1), 1, UNEXPECTED);
			inner.executeWithoutResult(innerStatus -> this.atCommit.add(ADD, Map.of("by", 7, "id", 2), 1,
					UNEXPECTED));
			this.atCommit.add(ADD, Map.of("by", 4, "id", 99), 1, () -> new IllegalStateException("outer fails"));
		}));

		assertThat(n(1)).isEqualTo(1);
		assertThat(n(2)).isEqualTo(9);
	}

	@Test
	void aCommitThatDoesNotWaitForTheDiskSendsTheSameWritesWithTheirCountsChecked() {
		this.transaction.executeWithoutResult(status -> {
			this.atCommit.commitWithoutWaitingForTheDisk();
			this.atCommit.add(ADD, Map.of("by", 4, "id", 1), 1, UNEXPECTED);
			this.atCommit.add(TIMES, Map.of("by", 10, "id", 1), 1, UNEXPECTED);
		});
		assertThat(n(1)).isEqualTo(50);

		assertThatIllegalStateException().isThrownBy(() -> this.transaction.executeWithoutResult(status -> {
			this.atCommit.commitWithoutWaitingForTheDisk();
			this.atCommit.add(ADD, Map.of("by", 4, "id", 2), 1, UNEXPECTED);
			this.atCommit.add(ADD, Map.of("by", 4, "id", 99), 1, () -> new IllegalStateException("row 99 is missing"));
		})).withMessage("row 99 is missing");
		assertThat(n(2)).isEqualTo(2);
	}

	@Test
	void needsATransaction() {
		assertThatIllegalStateException()
			.isThrownBy(() -> this.atCommit.add(ADD, Map.of("by", 4, "id", 1), 1, UNEXPECTED));
		assertThatIllegalStateException().isThrownBy(() -> this.atCommit.commitWithoutWaitingForTheDisk());
		assertThat(n(1)).isEqualTo(1);
	}

	private long n(long id) {
		return this.jdbc.sql("SELECT n FROM writes_at_commit_test WHERE id = :id").param("id", id).query(Long.class).single();
	}

}
