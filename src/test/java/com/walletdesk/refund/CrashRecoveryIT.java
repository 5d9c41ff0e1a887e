package com.walletdesk.refund;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.walletdesk.account.AccountService;
import com.walletdesk.account.CurrentUser;
import com.walletdesk.refund.RefundCheckpoints.SimulatedCrash;
import com.walletdesk.refund.RefundCheckpoints.Step;
import com.walletdesk.refund.RefundFixture.Shop;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.MutableClock;
import com.walletdesk.support.TestData;
import com.walletdesk.transaction.TransactionRow;
import com.walletdesk.transaction.TransactionService;
import com.walletdesk.sandbox.SandboxBehaviour;
import com.walletdesk.sandbox.SandboxLedgerEntry;
import com.walletdesk.sandbox.SandboxWallet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.walletdesk.refund.RefundFixture.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The process "dies" at each step between the reservation and the wallet's answer being
 * recorded (an exception thrown at a {@link RefundCheckpoints} step: everything after it does
 * not happen). The reconciler then brings every refund to a final state, and the wallet's
 * ledger and ours agree: nothing lost, nothing applied twice. Through the service (no HTTP).
 */
@IntegrationTest
class CrashRecoveryIT {

	static final Instant NOON_CHINA = Instant.parse("2026-11-24T04:00:00Z");

	static final Duration PAST_THRESHOLD = Duration.ofMinutes(2).plusSeconds(1);

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@Autowired
	RefundService refunds;

	@Autowired
	RefundCheckpoints checkpoints;

	@Autowired
	RefundReconciler reconciler;

	@Autowired
	TransactionService transactions;

	@Autowired
	SandboxWallet sandbox;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	Shop shop;

	CurrentUser user;

	@BeforeEach
	void setUp() {
		this.clock.set(NOON_CHINA);
		this.shop = RefundFixture.eurShop(this.data);
		long accountId = this.data.accountId(this.shop.username());
		this.user = this.accounts.currentUser(accountId).orElseThrow();
	}

	@AfterEach
	void tearDown() {
		this.checkpoints.disarm();
		this.clock.reset();
		this.sandbox.approveAll();
	}

	String charge(long amount) {
		return this.data.tx(this.shop.store()).amount(amount).at(NOON_CHINA.minusSeconds(3600)).save();
	}

	@ParameterizedTest
	@EnumSource(Step.class)
	void aCrashAtEachStepIsSettledByTheReconcilerAndTheLedgersAgree(Step step) {
		String charge = charge(100_00);
		String key = RefundFixture.key();
		RefundCommand command = new RefundCommand("10.00", "crash test");
		this.checkpoints.crashOnceAt(step);
		assertThatThrownBy(() -> this.refunds.refund(this.user, charge, command, key))
			.isInstanceOf(SimulatedCrash.class);

		Refund refund = theOnlyRefund(charge);
		assertThat(refund.state()).isEqualTo(RefundState.PENDING);
		assertThat(refund.isAnswered()).isFalse();
		TransactionRow afterCrash = row(this.transactions, charge);
		assertThat(afterCrash.refundPending()).as("still reserved").isEqualTo(10_00);
		assertThat(afterCrash.refunded()).isZero();
		assertThat(this.sandbox.entry(refund.walletKey()).isPresent()).as("did the wallet get it?")
			.isEqualTo(step != Step.AFTER_RESERVATION);

		RefundResult retry = this.refunds.refund(this.user, charge, command, key);
		assertThat(retry.status()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(retry.code()).isEqualTo("REQUEST_IN_PROGRESS");

		this.clock.advance(PAST_THRESHOLD);
		this.reconciler.reconcile();

		assertThat(theOnlyRefund(charge).state()).isEqualTo(RefundState.SUCCEEDED);
		SandboxLedgerEntry entry = this.sandbox.entry(refund.walletKey()).orElseThrow();
		assertThat(entry.applied()).isTrue();
		assertThat(entry.requests()).as("applied once, sent once").isEqualTo(1);
		ledgersAgree(charge);

		RefundResult afterwards = this.refunds.refund(this.user, charge, command, key);
		assertThat(afterwards.status()).isEqualTo(HttpStatus.CREATED);
		assertThat(afterwards.replayed()).isTrue();
		assertThat(afterwards.refund().status()).isEqualTo(RefundState.SUCCEEDED);
		assertThat(afterwards.remaining().minor()).isEqualTo(90_00);
		assertThat(RefundFixture.audit(this.jdbc, charge)).extracting(e -> e.get("outcome"))
			.containsExactly("ERROR", "REFUSED", "RECONCILED_SUCCEEDED", "SUCCEEDED");
		assertThat(RefundFixture.audit(this.jdbc, charge).get(2).get("details"))
			.contains("\"requestedBy\":\"" + this.shop.username() + "\"");
	}

	@Test
	void aCrashBeforeTheWalletThenADeclineReleasesTheReservation() {
		String charge = charge(100_00);
		this.checkpoints.crashOnceAt(Step.AFTER_RESERVATION);
		assertThatThrownBy(() -> this.refunds.refund(this.user, charge, new RefundCommand("10.00", "r"), "k-" + charge))
			.isInstanceOf(SimulatedCrash.class);
		this.sandbox.setForStore(this.shop.store().id(), SandboxBehaviour.decline("Refund window closed"));
		this.clock.advance(PAST_THRESHOLD);
		this.reconciler.reconcile();
		Refund refund = theOnlyRefund(charge);
		assertThat(refund.state()).isEqualTo(RefundState.FAILED);
		assertThat(refund.providerMessage()).isEqualTo("Refund window closed");
		assertThat(row(this.transactions, charge).refundPending()).isZero();
		ledgersAgree(charge);
		RefundResult replay = this.refunds.refund(this.user, charge, new RefundCommand("10.00", "r"), "k-" + charge);
		assertThat(replay.code()).isEqualTo("PROVIDER_DECLINED");
		assertThat(replay.message()).isEqualTo("Refund window closed");
	}

	@Test
	void manyRefundsCrashingAtEveryStepUnderEveryWalletModeAllEndFinalAndAgree() {
		List<String> charges = List.of(charge(100_00), charge(100_00), charge(100_00));
		SandboxBehaviour[] modes = { SandboxBehaviour.approve(), SandboxBehaviour.applyThenTimeOut(),
				SandboxBehaviour.timeOut(), SandboxBehaviour.decline("no") };
		Step[] steps = { null, Step.AFTER_RESERVATION, Step.AFTER_WALLET_ANSWER, Step.BEFORE_SETTLEMENT_COMMIT };
		int n = 0;
		List<String> outcomes = new ArrayList<>();
		for (SandboxBehaviour mode : modes) {
			for (Step step : steps) {
				this.sandbox.setForStore(this.shop.store().id(), mode);
				if (step != null) {
					this.checkpoints.crashOnceAt(step);
				}
				String charge = charges.get(n++ % charges.size());
				try {
					RefundResult result = this.refunds.refund(this.user, charge, new RefundCommand("5.00", "r"),
							RefundFixture.key());
					outcomes.add(result.isAccepted() ? result.refund().status().name() : result.code());
				}
				catch (SimulatedCrash crash) {
					outcomes.add("CRASH");
				}
				this.checkpoints.disarm();
			}
		}
		assertThat(outcomes).contains("CRASH", "SUCCEEDED", "PENDING", "PROVIDER_DECLINED");

		this.sandbox.setForStore(this.shop.store().id(), SandboxBehaviour.approve());
		this.clock.advance(PAST_THRESHOLD);
		this.reconciler.reconcile();

		for (String charge : charges) {
			assertThat(RefundFixture.refundRows(this.jdbc, charge, "pending")).as("nothing left pending").isZero();
			ledgersAgree(charge);
			for (Refund refund : this.refundsOf(charge)) {
				assertThat(this.sandbox.entry(refund.walletKey()).map(SandboxLedgerEntry::requests).orElse(0))
					.as("refund %s reached the wallet at most once", refund.id())
					.isLessThanOrEqualTo(1);
			}
		}
	}

	/** Ours and the wallet's: the same refunds succeeded, the same sums, nothing reserved any more. */
	void ledgersAgree(String charge) {
		RefundFixture.assertBooksAgree(this.transactions, this.jdbc, charge);
		TransactionRow row = row(this.transactions, charge);
		assertThat(this.sandbox.appliedTotal(charge)).as("wallet and we refunded the same").isEqualTo(row.refunded());
		for (Refund refund : refundsOf(charge)) {
			boolean applied = this.sandbox.entry(refund.walletKey()).map(SandboxLedgerEntry::applied).orElse(false);
			assertThat(applied).as("refund %s is %s", refund.id(), refund.state())
				.isEqualTo(refund.state() == RefundState.SUCCEEDED);
		}
	}

	List<Refund> refundsOf(String charge) {
		return this.jdbc.sql("SELECT id FROM refund WHERE charge_id = :c")
			.param("c", charge)
			.query(Long.class)
			.list()
			.stream()
			.map(id -> this.refundRepository.findById(id).orElseThrow())
			.toList();
	}

	@Autowired
	Refunds refundRepository;

	Refund theOnlyRefund(String charge) {
		List<Refund> all = refundsOf(charge);
		assertThat(all).hasSize(1);
		return all.get(0);
	}

}
