package com.walletdesk.refund;

import java.time.Instant;
import java.util.Map;

import com.walletdesk.account.AccountService;
import com.walletdesk.account.CurrentUser;
import com.walletdesk.jdbc.WritesAtCommit;
import com.walletdesk.refund.RefundCheckpoints.SimulatedCrash;
import com.walletdesk.refund.RefundCheckpoints.Step;
import com.walletdesk.refund.RefundFixture.Shop;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.MutableClock;
import com.walletdesk.support.PostgresOnly;
import com.walletdesk.support.TestData;
import com.walletdesk.wallet.WalletAnswer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Transaction B, the settlement, commits without waiting for the disk (transaction A's
 * reservation does wait: a lost B is redone by the reconciler, see CrashRecoveryIT). Seen from
 * inside B: a write held until its commit runs with {@code synchronous_commit} off.
 */
@IntegrationTest
@PostgresOnly
class SettlementCommitIT {

	static final Instant NOON_CHINA = Instant.parse("2026-11-24T04:00:00Z");

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@Autowired
	RefundService refunds;

	@Autowired
	RefundSettlement settlement;

	@Autowired
	RefundCheckpoints checkpoints;

	@Autowired
	AccountService accounts;

	@Autowired
	WritesAtCommit atCommit;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void setUp() {
		this.clock.set(NOON_CHINA);
		this.jdbc.sql("CREATE TABLE settlement_commit_probe (setting VARCHAR(16) NOT NULL)").update();
	}

	@AfterEach
	void tearDown() {
		this.jdbc.sql("DROP TABLE settlement_commit_probe").update();
		this.checkpoints.disarm();
		this.clock.reset();
	}

	@Test
	void theSettlementCommitsWithoutWaitingForTheDisk() {
		Shop shop = RefundFixture.eurShop(this.data);
		CurrentUser user = this.accounts.currentUser(this.data.accountId(shop.username())).orElseThrow();
		String charge = this.data.tx(shop.store()).amount(100_00).at(NOON_CHINA.minusSeconds(3600)).save();
		// reserved and applied by the wallet, not settled: as a request that stopped there leaves it
		this.checkpoints.crashOnceAt(Step.AFTER_WALLET_ANSWER);
		assertThatThrownBy(() -> this.refunds.refund(user, charge, new RefundCommand("10.00", "probe"), RefundFixture.key()))
			.isInstanceOf(SimulatedCrash.class);
		long refundId = this.jdbc.sql("SELECT id FROM refund WHERE charge_id = :charge")
			.param("charge", charge)
			.query(Long.class)
			.single();

		Refund settled = this.settlement.settle(refundId, WalletAnswer.succeeded("probe-1"), false,
				refund -> this.atCommit.add(
						"INSERT INTO settlement_commit_probe (setting) SELECT current_setting('synchronous_commit')",
						Map.of(), 1, IllegalStateException::new));

		assertThat(settled.state()).isEqualTo(RefundState.SUCCEEDED);
		assertThat(this.jdbc.sql("SELECT setting FROM settlement_commit_probe").query(String.class).list())
			.containsExactly("off");
	}

}
