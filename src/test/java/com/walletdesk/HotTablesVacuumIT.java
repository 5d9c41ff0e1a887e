package com.walletdesk;

import java.util.List;

import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.PostgresOnly;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The tables every refund writes have their autovacuum paced (V41), so that a vacuum does not
 * take a whole core from the requests of a small server (docs/refunds.md, "What a refund costs").
 */
@IntegrationTest
@PostgresOnly
class HotTablesVacuumIT {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theTablesEveryRefundWritesHaveTheirVacuumPaced() {
		List<String> paced = this.jdbc.sql("""
				SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
				WHERE n.nspname = current_schema() AND 'autovacuum_vacuum_cost_delay=20' = ANY (c.reloptions)""")
			.query(String.class)
			.list();
		assertThat(paced).containsExactlyInAnyOrder("wallet_transaction", "refund", "audit_event",
				"sandbox_wallet_refund", "transaction_day_total", "spring_session");
	}

}
