package com.walletdesk.transaction;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;


import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.DayTotalsCheck;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The day totals (transaction_day_total) the daily balance of a refund is checked against: kept
 * up by every way a transaction is stored, on the China day, and equal to summing the
 * transactions; and the dashboard refunds reserved against them.
 */
@IntegrationTest
class StoreDayTotalsIT {

	/** 00:00 on 26 November in China. */
	static final Instant CHINA_MIDNIGHT = Instant.parse("2026-11-25T16:00:00Z");

	private static final RuntimeException EXCEEDS_REMAINING = new IllegalStateException("exceeds the remaining");

	private static final RuntimeException EXCEEDS_DAILY_BALANCE = new IllegalStateException("exceeds the day");

	@Autowired
	TestData data;

	@Autowired
	TransactionService transactions;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactionManager;

	@Test
	void aStoresDaysAreCountedInChinaTimeWhateverItsOwnZone() {
		MerchantNode group = this.data.group("totals", null);
		MerchantNode store = this.data.store("ny", group.id(), "America/New_York", "USD", "en-US");
		String late = this.data.tx(store).amount(100_00).at(CHINA_MIDNIGHT.minusSeconds(1)).save();
		String early = this.data.tx(store).amount(40_00).at(CHINA_MIDNIGHT).save();
		this.data.tx(store).refundOf(late).amount(30_00).at(CHINA_MIDNIGHT.plusSeconds(1800)).save();
		// a batch (ingestion, demo data): a charge and a refund of it, and a refund of the day before's charge
		List<String> ids = this.transactions.issueIds(3);
		this.transactions.recordAll(List.of(row(ids.get(0), store, TransactionRow.CHARGE, 25_00, null, CHINA_MIDNIGHT.plusSeconds(3600)),
				row(ids.get(1), store, TransactionRow.REFUND, 5_00, ids.get(0), CHINA_MIDNIGHT.plusSeconds(3700)),
				row(ids.get(2), store, TransactionRow.REFUND, 10_00, early, CHINA_MIDNIGHT.plusSeconds(3800))));

		assertThat(totals(store, LocalDate.of(2026, 11, 25))).isEqualTo(new DayTotalsCheck.Totals(100_00, 0, 0));
		assertThat(totals(store, LocalDate.of(2026, 11, 26)))
			.isEqualTo(new DayTotalsCheck.Totals(40_00 + 25_00, 30_00 + 5_00 + 10_00, 0));
		assertThat(totals(store, LocalDate.of(2026, 11, 27))).isEqualTo(new DayTotalsCheck.Totals(0, 0, 0));
		DayTotalsCheck.assertAgree(this.jdbc, store.id());
	}

	@Test
	void aRefusedBatchLeavesTheTotalsAsTheyWere() {
		MerchantNode store = this.data.eurStore(this.data.group("totals", null).id());
		String charge = this.data.tx(store).amount(10_00).at(CHINA_MIDNIGHT).save();
		List<String> ids = this.transactions.issueIds(2);
		List<TransactionRow> batch = List.of(row(ids.get(0), store, TransactionRow.CHARGE, 50_00, null, CHINA_MIDNIGHT),
				row(ids.get(1), store, TransactionRow.REFUND, 11_00, charge, CHINA_MIDNIGHT));
		assertThatThrownBy(() -> this.transactions.recordAll(batch))
			.isInstanceOf(RefundNotRecordedException.class);
		assertThat(totals(store, LocalDate.of(2026, 11, 26))).isEqualTo(new DayTotalsCheck.Totals(10_00, 0, 0));
		DayTotalsCheck.assertAgree(this.jdbc, store.id());
	}

	@Test
	void theFirstTransactionsOfADayStoredAtOnceAllCount() throws Exception {
		MerchantNode store = this.data.eurStore(this.data.group("totals", null).id());
		int writers = 12;
		CyclicBarrier start = new CyclicBarrier(writers);
		ExecutorService pool = Executors.newFixedThreadPool(writers);
		try {
			List<Future<String>> saved = new ArrayList<>();
			for (int i = 0; i < writers; i++) {
				saved.add(pool.submit(() -> {
					start.await();
					return this.data.tx(store).amount(7_00).at(CHINA_MIDNIGHT.plusSeconds(60)).save();
				}));
			}
			for (Future<String> one : saved) {
				one.get();
			}
		}
		finally {
			pool.shutdownNow();
		}
		assertThat(totals(store, LocalDate.of(2026, 11, 26))).isEqualTo(new DayTotalsCheck.Totals(writers * 7_00L, 0, 0));
		DayTotalsCheck.assertAgree(this.jdbc, store.id());
	}

	@Test
	void aDashboardRefundIsReservedOnItsChinaDayNeverBeyondTheDaysSales() {
		MerchantNode store = this.data.store("ny", this.data.group("totals", null).id(), "America/New_York", "USD",
				"en-US");
		String yesterdays = this.data.tx(store).amount(500_00).at(CHINA_MIDNIGHT.minusSeconds(1)).save();
		String todays = this.data.tx(store).amount(100_00).at(CHINA_MIDNIGHT.plusSeconds(60)).save();
		Instant now = CHINA_MIDNIGHT.plusSeconds(3600);
		LocalDate today = LocalDate.of(2026, 11, 26);

		reserve(charge(yesterdays), 60_00, now);
		assertThat(totals(store, today)).isEqualTo(new DayTotalsCheck.Totals(100_00, 0, 60_00));
		assertThatThrownBy(() -> reserve(charge(todays), 40_01, now)).isSameAs(EXCEEDS_DAILY_BALANCE);
		assertThat(charge(todays).refundPending()).as("the charge's reservation rolls back with it").isZero();
		assertThatThrownBy(() -> reserve(charge(todays), 100_01, now)).isSameAs(EXCEEDS_REMAINING);
		assertThat(totals(store, today)).isEqualTo(new DayTotalsCheck.Totals(100_00, 0, 60_00));

		// settled after midnight, the refund still counts on the day it was reserved
		TransactionService.SettledRefund settled = inTransaction(
				() -> this.transactions.settleRefund(yesterdays, 60_00, now, "wallet-1"));
		assertThat(this.transactions.findById(settled.transactionId()).orElseThrow().createdAt()).isEqualTo(now);
		assertThat(totals(store, today)).isEqualTo(new DayTotalsCheck.Totals(100_00, 60_00, 0));
		reserve(charge(todays), 40_00, now);
		assertThat(inTransaction(() -> this.transactions.releaseRefund(todays, 40_00, now)).refundPending()).isZero();
		assertThat(totals(store, today)).isEqualTo(new DayTotalsCheck.Totals(100_00, 60_00, 0));

		// a day with no sales has nothing to refund against
		assertThatThrownBy(() -> reserve(charge(todays), 1, now.plusSeconds(86_400))).isSameAs(EXCEEDS_DAILY_BALANCE);
		assertThat(charge(todays).refundPending()).isZero();
		DayTotalsCheck.assertAgree(this.jdbc, store.id());
	}

	@Test
	void aRefundsTransactionSkipsAnIdAChannelAlreadySentIn() {
		MerchantNode store = this.data.eurStore(this.data.group("totals", null).id());
		String charge = this.data.tx(store).amount(100_00).at(CHINA_MIDNIGHT.plusSeconds(60)).save();
		Instant now = CHINA_MIDNIGHT.plusSeconds(3600);
		LocalDate today = LocalDate.of(2026, 11, 26);
		reserve(charge(charge), 30_00, now);

		// a channel sends a transaction in under the sequence's next ID (ingestion accepts any 12 digits)
		long next = this.jdbc.sql("SELECT nextval('transaction_id_seq')").query(Long.class).single() + 1;
		String taken = String.format("%012d", next);
		this.data.tx(store).id(taken).amount(5_00).at(now).save();
		TransactionService.SettledRefund settled = inTransaction(
				() -> this.transactions.settleRefund(charge, 30_00, now, "wallet-4"));
		assertThat(settled.transactionId()).isNotEqualTo(taken).hasSize(12);
		assertThat(this.transactions.findById(settled.transactionId()).orElseThrow().parentId()).isEqualTo(charge);
		assertThat(this.transactions.findById(taken).orElseThrow().amount()).as("the channel's").isEqualTo(5_00);
		assertThat(totals(store, today)).isEqualTo(new DayTotalsCheck.Totals(105_00, 30_00, 0));
		DayTotalsCheck.assertAgree(this.jdbc, store.id());
	}

	@Test
	void aReservationThatWasNeverMadeCannotBeGivenBackOrSettled() {
		MerchantNode store = this.data.eurStore(this.data.group("totals", null).id());
		String charge = this.data.tx(store).amount(10_00).at(CHINA_MIDNIGHT).save();
		assertThatThrownBy(() -> inTransaction(() -> this.transactions.releaseRefund(charge, 1_00, CHINA_MIDNIGHT)))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(
					() -> inTransaction(() -> this.transactions.settleRefund(charge, 1_00, CHINA_MIDNIGHT, "wallet-2")))
			.isInstanceOf(IllegalStateException.class);
		// reserved on the charge only (as by a writer that forgot the day): the day refuses, all rolls back
		assertThatThrownBy(() -> inTransaction(() -> {
			this.jdbc.sql("UPDATE wallet_transaction SET refund_pending = 100 WHERE id = :id").param("id", charge).update();
			return this.transactions.settleRefund(charge, 1_00, CHINA_MIDNIGHT, "wallet-3");
		})).isInstanceOf(IllegalStateException.class).hasMessageContaining("the day of charge");
		assertThat(charge(charge).refunded()).isZero();
		DayTotalsCheck.assertAgree(this.jdbc, store.id());
	}

	/** The store's stored day totals of one China date (zero when the day has no row). */
	private DayTotalsCheck.Totals totals(MerchantNode store, LocalDate chinaDate) {
		return DayTotalsCheck.stored(this.jdbc, store.id())
			.getOrDefault(DayTotalsCheck.key(store.currency(), chinaDate), new DayTotalsCheck.Totals(0, 0, 0));
	}

	private TransactionRow charge(String id) {
		return this.transactions.findById(id).orElseThrow();
	}

	/** A reservation in a transaction of its own: refused (after it rolled back) with one of the two exceptions above. */
	private void reserve(TransactionRow charge, long amount, Instant at) {
		try {
			inTransaction(() -> {
				this.transactions.reserveRefund(charge, amount, at);
				return null;
			});
		}
		catch (RefundNotReservedException refused) {
			throw switch (refused.reason()) {
				case EXCEEDS_REMAINING -> EXCEEDS_REMAINING;
				case EXCEEDS_DAILY_BALANCE -> EXCEEDS_DAILY_BALANCE;
			};
		}
	}

	private <T> T inTransaction(java.util.function.Supplier<T> work) {
		return new TransactionTemplate(this.transactionManager).execute(status -> work.get());
	}

	private static TransactionRow row(String id, MerchantNode store, String type, long amount, String parentId,
			Instant at) {
		return new TransactionRow(id, store.id(), type, "WXP", "APP", amount, 0, store.currency(), at, null,
				"VR" + id, parentId, null, null, null, null, null, 0, 0);
	}

}
