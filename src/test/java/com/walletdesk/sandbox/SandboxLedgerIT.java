package com.walletdesk.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.UUID;

import javax.sql.DataSource;

import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.PostgresOnly;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The sandbox wallet's books are written without waiting for the disk (they stand for a
 * wallet's own servers), and that setting ends with the write: what the same pooled connection
 * commits next is durable again.
 */
@IntegrationTest
@PostgresOnly
class SandboxLedgerIT {

	@Autowired
	DataSource dataSource;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void recordsAKeyOnceAndLeavesTheConnectionsCommitsDurable() throws SQLException {
		try (Connection connection = this.dataSource.getConnection()) {
			JdbcClient jdbc = JdbcClient.create(new SingleConnectionDataSource(connection, true));
			SandboxLedger ledger = new SandboxLedger(jdbc);
			SandboxLedgerEntry first = entry(UUID.randomUUID().toString(), 1000);

			assertThat(ledger.record(first)).isEqualTo(first);
			assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");

			// the same key again: the first result, counted twice, never applied again
			SandboxLedgerEntry repeat = ledger.record(entry(first.refundKey(), 2500));
			assertThat(repeat.amountMinor()).isEqualTo(1000);
			assertThat(repeat.requests()).isEqualTo(2);
			assertThat(jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
		}
	}

	@Test
	void refusesToWriteInsideATransactionWhoseDurabilityItWouldTake() {
		SandboxLedger ledger = new SandboxLedger(JdbcClient.create(this.dataSource));
		TransactionTemplate transaction = new TransactionTemplate(this.transactionManager);

		assertThatIllegalStateException()
			.isThrownBy(() -> transaction.executeWithoutResult(status -> ledger.record(entry(UUID.randomUUID().toString(), 1000))))
			.withMessageContaining("outside any database transaction");
	}

	private static SandboxLedgerEntry entry(String key, long amount) {
		return new SandboxLedgerEntry(key, "800000000001", 1, amount, "EUR", SandboxLedgerEntry.Status.SUCCEEDED,
				"SBX-" + key.substring(0, 8), null, 1, Instant.parse("2026-11-28T04:00:00Z"));
	}

}
