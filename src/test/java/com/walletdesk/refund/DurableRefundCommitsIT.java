package com.walletdesk.refund;

import java.time.Instant;

import com.walletdesk.account.AccountService;
import com.walletdesk.account.CurrentUser;
import com.walletdesk.money.Money;
import com.walletdesk.refund.RefundCheckpoints.SimulatedCrash;
import com.walletdesk.refund.RefundCheckpoints.Step;
import com.walletdesk.refund.RefundFixture.Shop;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.MutableClock;
import com.walletdesk.support.PostgresOnly;
import com.walletdesk.support.TestData;
import com.walletdesk.transaction.TransactionService;
import com.walletdesk.wallet.WalletAnswer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Money and its audit record are acknowledged only once on disk: both transactions of a refund
 * commit with PostgreSQL's {@code synchronous_commit} on (nothing in them turns it off), and the
 * settlement's audit record commits, or rolls back, with the settlement. Seen from inside each
 * transaction: the test runs it within a transaction of its own, which the refund's joins, and
 * asks the setting there (a {@code SET LOCAL} would still hold).
 */
@IntegrationTest
@PostgresOnly
class DurableRefundCommitsIT {

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
	TransactionService transactions;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Autowired
	JdbcClient jdbc;

	private Shop shop;

	private CurrentUser user;

	@BeforeEach
	void setUp() {
		this.clock.set(NOON_CHINA);
		this.shop = RefundFixture.eurShop(this.data);
		this.user = this.accounts.currentUser(this.data.accountId(this.shop.username())).orElseThrow();
	}

	@AfterEach
	void tearDown() {
		this.checkpoints.disarm();
		this.clock.reset();
	}

	@Test
	void theReservationCommitsWaitingForTheDisk() {
		String charge = this.data.tx(this.shop.store()).amount(100_00).at(NOON_CHINA.minusSeconds(3600)).save();
		ValidRefundRequest request = ValidRefundRequest.of(RefundFixture.key(), charge,
				Money.parse("10.00", "EUR"), "probe");
		String setting = inTransaction(() -> {
			this.settlement.reserve(this.user.accountId(), this.user.username(), request,
					this.transactions.findById(charge).orElseThrow());
			return synchronousCommit();
		});
		assertThat(setting).isEqualTo("on");
	}

	@Test
	void theSettlementAndItsAuditRecordCommitTogetherWaitingForTheDisk() {
		String charge = this.data.tx(this.shop.store()).amount(100_00).at(NOON_CHINA.minusSeconds(3600)).save();
		long refundId = reservedAndAppliedByTheWallet(charge);

		// the settlement rolled back (as by a crash before its commit): its audit record goes with it
		assertThatThrownBy(() -> inTransaction(() -> {
			this.settlement.settleForRequest(refundId, WalletAnswer.succeeded("probe-1"), this.user.username(), charge,
					new RefundCommand("10.00", "probe"));
			assertThat(RefundFixture.audit(this.jdbc, charge)).extracting(e -> e.get("outcome")).contains("SUCCEEDED");
			throw new SimulatedCrash(Step.BEFORE_SETTLEMENT_COMMIT);
		})).isInstanceOf(SimulatedCrash.class);
		assertThat(RefundFixture.audit(this.jdbc, charge)).extracting(e -> e.get("outcome")).doesNotContain("SUCCEEDED");
		assertThat(this.refunds.refundsOf(this.user, charge)).singleElement()
			.satisfies(view -> assertThat(view.status()).isEqualTo(RefundState.PENDING));

		String setting = inTransaction(() -> {
			Refund settled = this.settlement.settleForRequest(refundId, WalletAnswer.succeeded("probe-1"),
					this.user.username(), charge, new RefundCommand("10.00", "probe"));
			assertThat(settled.state()).isEqualTo(RefundState.SUCCEEDED);
			return synchronousCommit();
		});
		assertThat(setting).isEqualTo("on");
		assertThat(RefundFixture.audit(this.jdbc, charge)).extracting(e -> e.get("outcome")).endsWith("SUCCEEDED");
	}

	@Test
	void theReconcilersSettlementCommitsWaitingForTheDiskWithItsAuditRecord() {
		String charge = this.data.tx(this.shop.store()).amount(100_00).at(NOON_CHINA.minusSeconds(3600)).save();
		long refundId = reservedAndAppliedByTheWallet(charge);
		String setting = inTransaction(() -> {
			assertThat(this.settlement.settleForReconciler(refundId, WalletAnswer.succeeded("probe-2")).state())
				.isEqualTo(RefundState.SUCCEEDED);
			return synchronousCommit();
		});
		assertThat(setting).isEqualTo("on");
		assertThat(RefundFixture.audit(this.jdbc, charge)).extracting(e -> e.get("outcome"))
			.endsWith("RECONCILED_SUCCEEDED");
	}

	/** Reserved and applied by the wallet, not settled: as a request that stopped there leaves it. */
	private long reservedAndAppliedByTheWallet(String charge) {
		this.checkpoints.crashOnceAt(Step.AFTER_WALLET_ANSWER);
		assertThatThrownBy(
				() -> this.refunds.refund(this.user, charge, new RefundCommand("10.00", "probe"), RefundFixture.key()))
			.isInstanceOf(SimulatedCrash.class);
		return this.jdbc.sql("SELECT id FROM refund WHERE charge_id = :charge")
			.param("charge", charge)
			.query(Long.class)
			.single();
	}

	private String synchronousCommit() {
		return this.jdbc.sql("SHOW synchronous_commit").query(String.class).single();
	}

	private <T> T inTransaction(java.util.function.Supplier<T> work) {
		return new TransactionTemplate(this.transactionManager).execute(status -> work.get());
	}

}
