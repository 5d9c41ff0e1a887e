package com.walletdesk.refund;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

import com.walletdesk.refund.RefundFixture.Shop;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.MutableClock;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import com.walletdesk.transaction.TransactionRow;
import com.walletdesk.transaction.TransactionService;
import com.walletdesk.sandbox.SandboxBehaviour;
import com.walletdesk.sandbox.SandboxLedgerEntry;
import com.walletdesk.sandbox.SandboxWallet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.JsonNode;

import static com.walletdesk.refund.RefundFixture.key;
import static com.walletdesk.refund.RefundFixture.refund;
import static com.walletdesk.refund.RefundFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The sandbox wallet's modes and what each leaves behind: a decline releases the reservation;
 * a time-out leaves the refund pending and reserved; the reconciler settles it on a later pass
 * (succeeded when the wallet had applied it, else by sending it again under the same key), with a
 * back-off while the wallet does not answer; nothing is ever applied twice.
 */
@IntegrationTest
class RefundWalletModesIT {

	static final Instant NOON_CHINA = Instant.parse("2026-11-21T04:00:00Z");

	static final Duration PAST_THRESHOLD = Duration.ofMinutes(2).plusSeconds(1);

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

	WebSession session;

	String charge;

	@BeforeEach
	void setUp() {
		this.clock.set(NOON_CHINA);
		this.shop = RefundFixture.eurShop(this.data);
		this.session = RefundFixture.signIn(this.port, this.shop.username());
		this.charge = this.data.tx(this.shop.store()).amount(100_00).at(NOON_CHINA.minusSeconds(3600)).save();
	}

	@AfterEach
	void tearDown() {
		this.clock.reset();
		this.sandbox.approveAll();
	}

	void wallet(SandboxBehaviour behaviour) {
		this.sandbox.setForStore(this.shop.store().id(), behaviour);
	}

	@Test
	void aDeclineReleasesTheReservationAndPassesOnTheWalletsWords() {
		wallet(SandboxBehaviour.decline("Buyer account is frozen"));
		var response = refund(this.session, this.charge, "10.00");
		assertThat(response.status()).isEqualTo(422);
		assertThat(response.code()).isEqualTo("PROVIDER_DECLINED");
		assertThat(response.json().get("detail").asString()).isEqualTo("Buyer account is frozen");
		TransactionRow charge = row(this.transactions, this.charge);
		assertThat(charge.refundPending()).isZero();
		assertThat(charge.refunded()).isZero();
		SandboxLedgerEntry entry = this.sandbox.entriesForCharge(this.charge).get(0);
		assertThat(entry.status()).isEqualTo(SandboxLedgerEntry.Status.DECLINED);
		assertThat(RefundFixture.refundRows(this.jdbc, this.charge, "failed")).isEqualTo(1);
		assertThat(RefundFixture.audit(this.jdbc, this.charge)).extracting(e -> e.get("outcome")).containsExactly("DECLINED");
	}

	@Test
	void aTimeOutLeavesItPendingAndReservedUntilTheReconcilerSettlesItAsFailed() {
		wallet(SandboxBehaviour.timeOut());
		String key = key();
		var response = refund(this.session, this.charge, "10.00", "damaged", key);
		assertThat(response.status()).isEqualTo(201);
		JsonNode refund = response.json().get("refund");
		assertThat(refund.get("status").asString()).isEqualTo("pending");
		assertThat(refund.get("transactionId").isNull()).isTrue();
		assertThat(response.json().get("remaining").asString()).as("the pending amount is reserved").isEqualTo("90.00");
		assertThat(row(this.transactions, this.charge).refundPending()).isEqualTo(10_00);
		assertThat(this.sandbox.entriesForCharge(this.charge)).as("the request never reached the wallet").isEmpty();
		String id = refund.get("id").asString();

		this.reconciler.reconcile();
		assertThat(check(id).attempts()).as("not due before the threshold").isZero();

		this.clock.advance(PAST_THRESHOLD);
		this.reconciler.reconcile(); // the wallet never got it: sent again under the same key, times out again
		Check first = check(id);
		assertThat(first.state()).isEqualTo("pending");
		assertThat(first.attempts()).isEqualTo(1);
		assertThat(first.nextCheckAt()).isEqualTo(this.clock.instant().plus(Duration.ofMinutes(1)));
		assertThat(row(this.transactions, this.charge).refundPending()).isEqualTo(10_00);

		wallet(SandboxBehaviour.decline("Refund period expired"));
		this.clock.advance(Duration.ofMinutes(1));
		this.reconciler.reconcile();
		assertThat(check(id).state()).isEqualTo("failed");
		TransactionRow charge = row(this.transactions, this.charge);
		assertThat(charge.refundPending()).as("released").isZero();
		assertThat(charge.refunded()).isZero();
		assertThat(this.session.get("/api/v1/transactions/" + this.charge + "/refunds").json().get("items").get(0)
			.get("status").asString()).isEqualTo("failed");
		assertThat(this.sandbox.entry(id).orElseThrow().status()).isEqualTo(SandboxLedgerEntry.Status.DECLINED);

		var replay = refund(this.session, this.charge, "10.00", "damaged", key);
		assertThat(replay.status()).isEqualTo(201);
		assertThat(replay.body()).as("the same key and body replay the first answer").isEqualTo(response.body());
		assertThat(RefundFixture.audit(this.jdbc, this.charge)).extracting(e -> e.get("outcome"))
			.containsExactly("PENDING", "RECONCILED_FAILED", "PENDING");
		RefundFixture.assertBooksAgree(this.transactions, this.jdbc, this.charge);
	}

	@Test
	void appliedThenTimedOutIsSettledAsSucceededWithoutApplyingTwice() {
		wallet(SandboxBehaviour.applyThenTimeOut());
		var response = refund(this.session, this.charge, "25.00");
		assertThat(response.json().get("refund").get("status").asString()).isEqualTo("pending");
		String id = response.json().get("refund").get("id").asString();
		assertThat(this.sandbox.entry(id).orElseThrow().applied()).as("the wallet did it; we never heard").isTrue();
		assertThat(row(this.transactions, this.charge).refundPending()).isEqualTo(25_00);

		this.clock.advance(PAST_THRESHOLD);
		this.reconciler.reconcile();

		assertThat(check(id).state()).isEqualTo("succeeded");
		TransactionRow charge = row(this.transactions, this.charge);
		assertThat(charge.refunded()).isEqualTo(25_00);
		assertThat(charge.refundPending()).isZero();
		assertThat(this.sandbox.entry(id).orElseThrow().requests()).as("asked, not sent again").isEqualTo(1);
		assertThat(this.sandbox.appliedTotal(this.charge)).isEqualTo(charge.refunded());
		TransactionRow transaction = RefundFixture.dashboardRefunds(this.transactions, this.jdbc, this.charge).get(0);
		assertThat(transaction.createdAt()).as("counted on the day it was asked for").isEqualTo(NOON_CHINA);
		JsonNode listed = this.session.get("/api/v1/transactions/" + this.charge + "/refunds").json().get("items").get(0);
		assertThat(listed.get("status").asString()).isEqualTo("succeeded");
		assertThat(listed.get("transactionId").asString()).isEqualTo(transaction.id());
		RefundFixture.assertBooksAgree(this.transactions, this.jdbc, this.charge);
	}

	@Test
	void aTimedOutRefundTheWalletNeverGotIsSentAgainUnderTheSameKey() {
		wallet(SandboxBehaviour.timeOut());
		String id = refund(this.session, this.charge, "40.00").json().get("refund").get("id").asString();
		wallet(SandboxBehaviour.approve());
		this.clock.advance(PAST_THRESHOLD);
		this.reconciler.reconcile();
		assertThat(check(id).state()).isEqualTo("succeeded");
		assertThat(this.sandbox.entry(id).orElseThrow().requests()).isEqualTo(1);
		this.clock.advance(Duration.ofDays(2));
		this.reconciler.reconcile();
		assertThat(this.sandbox.entry(id).orElseThrow().requests()).as("a settled refund is not asked about").isEqualTo(1);
		assertThat(this.sandbox.appliedTotal(this.charge)).isEqualTo(40_00);
		RefundFixture.assertBooksAgree(this.transactions, this.jdbc, this.charge);
	}

	@Test
	void aSlowWalletWithinTheTimeoutIsWaitedFor() {
		wallet(SandboxBehaviour.slow(Duration.ofMillis(400)));
		long start = System.nanoTime();
		var response = refund(this.session, this.charge, "5.00");
		long tookMs = (System.nanoTime() - start) / 1_000_000;
		assertThat(response.json().get("refund").get("status").asString()).isEqualTo("succeeded");
		assertThat(tookMs).isGreaterThanOrEqualTo(400);
	}

	@Test
	void anUnavailableWalletIsAskedAgainOnABackOff() {
		wallet(SandboxBehaviour.unavailable());
		String id = refund(this.session, this.charge, "10.00").json().get("refund").get("id").asString();
		assertThat(check(id).state()).isEqualTo("pending");

		Duration[] expected = { Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1), Duration.ofDays(1),
				Duration.ofDays(1) };
		this.clock.advance(PAST_THRESHOLD);
		for (int attempt = 1; attempt <= expected.length; attempt++) {
			this.reconciler.reconcile();
			Check now = check(id);
			assertThat(now.attempts()).isEqualTo(attempt);
			assertThat(now.nextCheckAt()).isEqualTo(this.clock.instant().plus(expected[attempt - 1]));
			this.clock.advance(expected[attempt - 1].minusSeconds(1));
			this.reconciler.reconcile();
			assertThat(check(id).attempts()).as("not asked before its time").isEqualTo(attempt);
			this.clock.advance(Duration.ofSeconds(1));
		}
		wallet(SandboxBehaviour.approve());
		this.reconciler.reconcile();
		assertThat(check(id).state()).isEqualTo("succeeded");
		assertThat(check(id).attempts()).isEqualTo(expected.length + 1);
		RefundFixture.assertBooksAgree(this.transactions, this.jdbc, this.charge);
	}

	@Test
	void aStoreSettingWinsOverTheGlobalOne() {
		Shop other = RefundFixture.eurShop(this.data);
		try {
			this.sandbox.setGlobal(SandboxBehaviour.decline("globally declined"));
			wallet(SandboxBehaviour.approve());
			assertThat(refund(this.session, this.charge, "1.00").status()).isEqualTo(201);
			assertThat(this.sandbox.behaviourFor(other.store().id()).mode()).isEqualTo(SandboxBehaviour.Mode.DECLINE);
			assertThat(this.sandbox.behaviourFor(other.store().id()).message()).isEqualTo("globally declined");
		}
		finally {
			this.sandbox.approveAll();
		}
	}

	@Test
	void operatorsSetTheSandboxThroughTheApi() {
		WebSession admin = WebSession.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
		String store = String.valueOf(this.shop.store().id());
		var set = admin.put("/api/v1/admin/sandbox",
				"{\"mode\":\"decline\",\"message\":\"Declined by the operator\",\"storeId\":\"" + store + "\"}");
		assertThat(set.status()).as(set.toString()).isEqualTo(200);
		assertThat(set.json().get("stores").toString()).contains(store, "DECLINE", "Declined by the operator");
		var declined = refund(this.session, this.charge, "1.00");
		assertThat(declined.code()).isEqualTo("PROVIDER_DECLINED");
		assertThat(declined.json().get("detail").asString()).isEqualTo("Declined by the operator");

		var bad = admin.put("/api/v1/admin/sandbox", "{\"mode\":\"SOMETIMES\"}");
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(this.session.put("/api/v1/admin/sandbox", "{\"mode\":\"APPROVE\"}").status())
			.as("merchants may not").isEqualTo(403);

		assertThat(admin.delete("/api/v1/admin/sandbox/stores/" + store).status()).isEqualTo(200);
		assertThat(refund(this.session, this.charge, "1.00").status()).isEqualTo(201);
		assertThat(admin.get("/api/v1/admin/sandbox").json().get("global").get("mode").asString()).isEqualTo("APPROVE");
	}

	record Check(String state, int attempts, Instant nextCheckAt) {
	}

	Check check(String refundId) {
		return this.jdbc.sql("SELECT state, attempts, next_check_at FROM refund WHERE id = :id")
			.param("id", Long.parseLong(refundId))
			.query((rs, n) -> new Check(rs.getString("state"), rs.getInt("attempts"),
					rs.getObject("next_check_at", OffsetDateTime.class).toInstant()))
			.single();
	}

}
