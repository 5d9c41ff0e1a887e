package com.walletdesk.jdbc;

import java.util.List;
import java.util.Map;

import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.PostgresOnly;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link WritesAtCommit#commitWithoutWaitingForTheDisk()} on PostgreSQL: the transaction's held
 * writes, and so its commit, run with {@code synchronous_commit} off; other transactions, before
 * and after, with it on.
 */
@IntegrationTest
@PostgresOnly
class CommitWithoutWaitingForTheDiskIT {

	/** A held write that records the setting it runs under. */
	private static final String PROBE = "INSERT INTO commit_setting_probe (setting) SELECT current_setting('synchronous_commit')";

	@Autowired
	WritesAtCommit atCommit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	TransactionTemplate transaction;

	@BeforeEach
	void createTable() {
		this.jdbc.sql("CREATE TABLE commit_setting_probe (id SERIAL PRIMARY KEY, setting VARCHAR(16) NOT NULL)").update();
		this.transaction = new TransactionTemplate(this.transactionManager);
	}

	@AfterEach
	void dropTable() {
		this.jdbc.sql("DROP TABLE commit_setting_probe").update();
	}

	@Test
	void onlyTheTransactionThatAsksCommitsWithoutWaiting() {
		this.transaction.executeWithoutResult(status -> probe());
		this.transaction.executeWithoutResult(status -> {
			this.atCommit.commitWithoutWaitingForTheDisk();
			probe();
		});
		this.transaction.executeWithoutResult(status -> probe());

		assertThat(probed()).containsExactly("on", "off", "on");
		assertThat(this.jdbc.sql("SHOW synchronous_commit").query(String.class).single()).isEqualTo("on");
	}

	@Test
	void aTransactionHoldingNoWritesCommitsAsUsual() {
		this.transaction.executeWithoutResult(status -> this.atCommit.commitWithoutWaitingForTheDisk());
		this.transaction.executeWithoutResult(status -> probe());

		assertThat(probed()).containsExactly("on");
	}

	private void probe() {
		this.atCommit.add(PROBE, Map.of(), 1, IllegalStateException::new);
	}

	private List<String> probed() {
		return this.jdbc.sql("SELECT setting FROM commit_setting_probe ORDER BY id").query(String.class).list();
	}

}
