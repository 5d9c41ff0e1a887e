package com.walletdesk.refund;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.walletdesk.refund.RefundFixture.Shop;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.MutableClock;
import com.walletdesk.support.PostgresOnly;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import com.walletdesk.transaction.TransactionRow;
import com.walletdesk.transaction.TransactionService;
import com.walletdesk.sandbox.SandboxBehaviour;
import com.walletdesk.sandbox.SandboxWallet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static com.walletdesk.refund.RefundFixture.refund;
import static com.walletdesk.refund.RefundFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The invariants under real concurrency on PostgreSQL, through HTTP (each request a real
 * request through the whole stack: session, security, service, database). Requests are
 * released together by a latch; sessions are warmed with one request before (STACK.md).
 */
@IntegrationTest
@PostgresOnly
class RefundConcurrencyIT {

	static final Instant NOON_CHINA = Instant.parse("2026-11-26T04:00:00Z");

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

	Shop shop;

	List<WebSession> sessions;

	@BeforeEach
	void setUp() {
		this.clock.set(NOON_CHINA);
		this.shop = RefundFixture.eurShop(this.data);
		// five browsers of the same refunder, each used by several threads at once
		this.sessions = IntStream.range(0, 5).mapToObj(i -> RefundFixture.signIn(this.port, this.shop.username())).toList();
	}

	@AfterEach
	void tearDown() {
		this.clock.reset();
		this.sandbox.approveAll();
	}

	@Test
	void fiftyThreadsRefundingTenOfAHundredExactlyTenSucceed() {
		String charge = this.data.tx(this.shop.store()).amount(100_00).at(NOON_CHINA.minusSeconds(600)).save();

		List<WebSession.Response> responses = Concurrently.run(50,
				i -> refund(this.sessions.get(i % this.sessions.size()), charge, "10.00"));

		Map<String, Long> outcomes = count(responses);
		assertThat(outcomes).containsExactlyInAnyOrderEntriesOf(Map.of("201", 10L, "REFUND_EXCEEDS_REMAINING", 40L));
		TransactionRow row = row(this.transactions, charge);
		assertThat(row.refunded()).isEqualTo(100_00);
		assertThat(row.refundPending()).isZero();
		assertThat(RefundFixture.refundRows(this.jdbc, charge, "succeeded")).isEqualTo(10);
		assertThat(RefundFixture.refundRows(this.jdbc, charge)).as("refused requests leave no refund").isEqualTo(10);
		assertThat(RefundFixture.dashboardRefunds(this.transactions, this.jdbc, charge)).hasSize(10);
		assertThat(this.sandbox.appliedTotal(charge)).isEqualTo(100_00);
		RefundFixture.assertBooksAgree(this.transactions, this.jdbc, charge);
		assertThat(RefundFixture.audit(this.jdbc, charge)).as("every attempt audited").hasSize(50);
	}

	@Test
	void twentyRequestsWithOneKeyMakeOneRefundAndOneWalletCall() {
		String charge = this.data.tx(this.shop.store()).amount(100_00).at(NOON_CHINA.minusSeconds(600)).save();
		// a wallet slow enough that the others arrive while the first is still waiting for it
		this.sandbox.setForStore(this.shop.store().id(), SandboxBehaviour.slow(Duration.ofMillis(300)));
		String key = RefundFixture.key();

		List<WebSession.Response> responses = Concurrently.run(20,
				i -> refund(this.sessions.get(i % this.sessions.size()), charge, "10.00", "double click", key));

		Map<String, Long> outcomes = count(responses);
		assertThat(outcomes.keySet()).isSubsetOf("201", "REQUEST_IN_PROGRESS");
		assertThat(outcomes.get("201")).isGreaterThanOrEqualTo(1);
		List<String> bodies = responses.stream().filter(r -> r.status() == 201).map(WebSession.Response::body).distinct().toList();
		assertThat(bodies).as("every 201 is the same answer").hasSize(1);
		responses.stream().filter(r -> r.status() != 201).forEach(r -> assertThat(r.status()).isEqualTo(409));

		assertThat(RefundFixture.refundRows(this.jdbc, charge)).isEqualTo(1);
		String refundId = this.jdbc.sql("SELECT id FROM refund WHERE charge_id = :c").param("c", charge).query(String.class).single();
		assertThat(this.sandbox.entry(refundId).orElseThrow().requests()).as("one wallet call").isEqualTo(1);
		assertThat(row(this.transactions, charge).refunded()).isEqualTo(10_00);

		// and after the dust settles, the same request replays that answer
		var later = refund(this.sessions.get(0), charge, "10.00", "double click", key);
		assertThat(later.status()).isEqualTo(201);
		assertThat(later.body()).isEqualTo(bodies.get(0));
	}

	@Test
	void thirtyRefundsOnDifferentChargesCannotTakeTheDayBelowZero() {
		this.data.tx(this.shop.store()).amount(100_00).at(NOON_CHINA.minusSeconds(600)).save(); // today's sales: 100.00
		List<String> older = IntStream.range(0, 30)
			.mapToObj(i -> this.data.tx(this.shop.store()).amount(10_00).at(NOON_CHINA.minus(Duration.ofDays(1))).save())
			.toList();

		List<WebSession.Response> responses = Concurrently.run(30,
				i -> refund(this.sessions.get(i % this.sessions.size()), older.get(i), "10.00"));

		Map<String, Long> outcomes = count(responses);
		assertThat(outcomes.keySet()).isSubsetOf("201", "DAILY_BALANCE_EXCEEDED");
		assertThat(outcomes.get("201")).as("at most 10 (and the balance is exact: exactly 10)").isEqualTo(10L);
		assertThat(outcomes.get("DAILY_BALANCE_EXCEEDED")).isEqualTo(20L);
		long refunded = older.stream().mapToLong(id -> row(this.transactions, id).refunded()).sum();
		assertThat(refunded).isEqualTo(100_00);
		older.forEach(id -> RefundFixture.assertBooksAgree(this.transactions, this.jdbc, id));
	}

	@Test
	void pendingRefundsHoldTheirShareUnderConcurrencyToo() {
		String charge = this.data.tx(this.shop.store()).amount(100_00).at(NOON_CHINA.minusSeconds(600)).save();
		this.sandbox.setForStore(this.shop.store().id(), SandboxBehaviour.applyThenTimeOut());

		List<WebSession.Response> responses = Concurrently.run(30,
				i -> refund(this.sessions.get(i % this.sessions.size()), charge, "7.00"));

		Map<String, Long> outcomes = count(responses);
		assertThat(outcomes).containsEntry("201", 14L); // 14 x 7.00 = 98.00 fits, the 15th does not
		assertThat(row(this.transactions, charge).refundPending()).isEqualTo(98_00);

		this.clock.advance(Duration.ofMinutes(3));
		this.reconciler.reconcile();
		TransactionRow row = row(this.transactions, charge);
		assertThat(row.refunded()).isEqualTo(98_00);
		assertThat(row.refundPending()).isZero();
		assertThat(this.sandbox.appliedTotal(charge)).isEqualTo(98_00);
		RefundFixture.assertBooksAgree(this.transactions, this.jdbc, charge);
	}

	static Map<String, Long> count(List<WebSession.Response> responses) {
		return responses.stream()
			.map(r -> r.status() == 201 ? "201" : r.code().isEmpty() ? String.valueOf(r.status()) : r.code())
			.collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
	}

}
