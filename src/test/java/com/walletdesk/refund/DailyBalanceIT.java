package com.walletdesk.refund;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;


import com.walletdesk.refund.RefundFixture.Shop;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.MutableClock;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import com.walletdesk.transaction.TransactionService;
import com.walletdesk.sandbox.SandboxBehaviour;
import com.walletdesk.sandbox.SandboxWallet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.walletdesk.refund.RefundFixture.refund;
import static com.walletdesk.refund.RefundFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The daily balance: per store and currency, today's charges minus today's refunds of every
 * kind (succeeded and pending), where "today" is the Asia/Shanghai day, whatever the store's own
 * zone; it resets at 00:00 China time. The clock is set on both sides of that midnight.
 */
@IntegrationTest
class DailyBalanceIT {

	/** 23:30 in China on 10 March; 08:30 the same day in Los Angeles (daylight time since 8 March). */
	static final Instant HALF_HOUR_BEFORE_CHINA_MIDNIGHT = Instant.parse("2026-03-10T15:30:00Z");

	static final Instant CHINA_MIDNIGHT = Instant.parse("2026-03-10T16:00:00Z");

	static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@Autowired
	TransactionService transactions;

	@Autowired
	SandboxWallet sandbox;

	@Autowired
	RefundReconciler reconciler;

	@Autowired
	JdbcClient jdbc;

	@AfterEach
	void tearDown() {
		this.clock.reset();
		this.sandbox.approveAll();
	}

	@Test
	void theBalanceIsTheChinaDaysSalesForAStoreFarFromChina() {
		Shop shop = RefundFixture.shop(this.data, "America/Los_Angeles", "USD", true);
		WebSession session = RefundFixture.signIn(this.port, shop.username());
		String yesterdays = this.data.tx(shop.store()).amount(500_00).at(Instant.parse("2026-03-09T15:00:00Z")).save();
		String todays = this.data.tx(shop.store()).amount(100_00).at(Instant.parse("2026-03-10T15:00:00Z")).save();
		// the store's own calendar says 10 March for both the charge of "today" and the whole test
		assertThat(Instant.parse("2026-03-10T15:00:00Z").atZone(LOS_ANGELES).toLocalDate()).isEqualTo("2026-03-10");
		assertThat(CHINA_MIDNIGHT.atZone(LOS_ANGELES).toLocalDate()).isEqualTo("2026-03-10");

		this.clock.set(HALF_HOUR_BEFORE_CHINA_MIDNIGHT);
		var tooMuch = refund(session, yesterdays, "150.00");
		assertThat(tooMuch.status()).isEqualTo(422);
		assertThat(tooMuch.code()).isEqualTo("DAILY_BALANCE_EXCEEDED");
		assertThat(tooMuch.json().get("detail").asString()).isEqualTo("Refund amount is greater than today's overall payment");
		assertThat(row(this.transactions, yesterdays).refundPending()).as("nothing reserved").isZero();
		assertThat(RefundFixture.refundRows(this.jdbc, yesterdays)).isZero();

		assertThat(refund(session, yesterdays, "60.00").status()).as("a refund of an older charge counts today")
			.isEqualTo(201);
		assertThat(refund(session, todays, "40.01").code()).isEqualTo("DAILY_BALANCE_EXCEEDED");
		assertThat(refund(session, todays, "40.00").status()).isEqualTo(201);
		assertThat(refund(session, yesterdays, "0.01").code()).isEqualTo("DAILY_BALANCE_EXCEEDED");
		assertThat(balanceRow(shop, LocalDate.parse("2026-03-10"))).containsExactly(100_00L, 100_00L, 0L);

		this.clock.set(CHINA_MIDNIGHT.minusMillis(1));
		assertThat(refund(session, yesterdays, "0.01").code()).as("still 10 March in China").isEqualTo("DAILY_BALANCE_EXCEEDED");

		this.clock.set(CHINA_MIDNIGHT);
		// 11 March in China, still 10 March in Los Angeles: a new day, and nothing sold in it yet
		assertThat(refund(session, todays, "1.00").code()).isEqualTo("DAILY_BALANCE_EXCEEDED");
		this.data.tx(shop.store()).amount(20_00).at(CHINA_MIDNIGHT.minusMillis(1)).save();
		assertThat(refund(session, todays, "1.00").code()).as("a sale just before midnight was yesterday's")
			.isEqualTo("DAILY_BALANCE_EXCEEDED");
		this.data.tx(shop.store()).amount(20_00).at(CHINA_MIDNIGHT).save();
		assertThat(refund(session, todays, "20.00").status()).isEqualTo(201);
		assertThat(refund(session, yesterdays, "0.01").code()).isEqualTo("DAILY_BALANCE_EXCEEDED");
		assertThat(balanceRow(shop, LocalDate.parse("2026-03-11"))).containsExactly(20_00L, 20_00L, 0L);

		RefundFixture.assertBooksAgree(this.transactions, this.jdbc, yesterdays);
		RefundFixture.assertBooksAgree(this.transactions, this.jdbc, todays);
	}

	@Test
	void appRefundsAndPendingRefundsCountButDeclinedOnesDoNot() {
		Instant noon = Instant.parse("2026-11-22T04:00:00Z");
		this.clock.set(noon);
		Shop shop = RefundFixture.eurShop(this.data);
		WebSession session = RefundFixture.signIn(this.port, shop.username());
		String older = this.data.tx(shop.store()).amount(300_00).at(noon.minus(Duration.ofDays(3))).save();
		this.data.tx(shop.store()).amount(100_00).at(noon.minusSeconds(7200)).save();
		this.data.tx(shop.store()).refundOf(older).amount(30_00).at(noon.minusSeconds(3600)).save(); // made in the app today

		this.sandbox.setForStore(shop.store().id(), SandboxBehaviour.decline("no"));
		assertThat(refund(session, older, "70.00").code()).isEqualTo("PROVIDER_DECLINED");
		this.sandbox.setForStore(shop.store().id(), SandboxBehaviour.timeOut());
		var pending = refund(session, older, "50.00");
		assertThat(pending.json().get("refund").get("status").asString()).isEqualTo("pending");
		this.sandbox.clearStore(shop.store().id());

		// 100 sold - 30 app refund - 50 pending = 20 (the declined 70 gave its share back)
		assertThat(refund(session, older, "20.01").code()).isEqualTo("DAILY_BALANCE_EXCEEDED");
		assertThat(refund(session, older, "20.00").status()).isEqualTo(201);

		// the pending refund turns out declined: its 50 come back to the day
		this.sandbox.setForStore(shop.store().id(), SandboxBehaviour.decline("declined later"));
		this.clock.advance(Duration.ofMinutes(3));
		this.reconciler.reconcile();
		assertThat(RefundFixture.refundRows(this.jdbc, older, "failed")).isEqualTo(2);
		this.sandbox.clearStore(shop.store().id());
		assertThat(refund(session, older, "50.01").code()).isEqualTo("DAILY_BALANCE_EXCEEDED");
		assertThat(refund(session, older, "50.00").status()).isEqualTo(201);
		RefundFixture.assertBooksAgree(this.transactions, this.jdbc, older);
	}

	@Test
	void eachCurrencyAndStoreHasItsOwnBalance() {
		Instant noon = Instant.parse("2026-11-23T04:00:00Z");
		this.clock.set(noon);
		Shop first = RefundFixture.eurShop(this.data);
		Shop second = RefundFixture.eurShop(this.data);
		WebSession session = RefundFixture.signIn(this.port, first.username());
		String old = this.data.tx(first.store()).amount(100_00).at(noon.minus(Duration.ofDays(2))).save();
		this.data.tx(second.store()).amount(1_000_00).at(noon.minusSeconds(60)).save(); // another store's sales
		assertThat(refund(session, old, "1.00").code()).isEqualTo("DAILY_BALANCE_EXCEEDED");
	}

	/** The day's sales, stored refunds and reserved refunds. */
	java.util.List<Long> balanceRow(Shop shop, LocalDate chinaDate) {
		return this.jdbc.sql("""
				SELECT sales, refunds, refund_pending FROM transaction_day_total
				WHERE store_id = :store AND currency = :currency AND china_date = :day""")
			.param("store", shop.store().id())
			.param("currency", shop.store().currency())
			.param("day", chinaDate)
			.query((rs, n) -> java.util.List.of(rs.getLong("sales"), rs.getLong("refunds"), rs.getLong("refund_pending")))
			.single();
	}

}
