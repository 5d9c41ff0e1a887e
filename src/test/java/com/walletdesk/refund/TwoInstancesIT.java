package com.walletdesk.refund;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import com.walletdesk.WalletdeskApplication;
import com.walletdesk.account.AccountService;
import com.walletdesk.account.CurrentUser;
import com.walletdesk.refund.RefundFixture.Shop;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.PostgresOnly;
import com.walletdesk.support.TestDatabase;
import com.walletdesk.support.WebSession;
import com.walletdesk.transaction.TransactionRow;
import com.walletdesk.sandbox.SandboxBehaviour;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import static com.walletdesk.refund.RefundFixture.refund;
import static com.walletdesk.refund.RefundFixture.row;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two application instances on one PostgreSQL database: the test's own context and a second,
 * independent Spring context started here (its own port, pool, caches and clock). Nothing is
 * shared between them but the database, as between two processes behind a load balancer.
 */
@IntegrationTest
@PostgresOnly
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesIT extends RefundFixture {

	ConfigurableApplicationContext second;

	int secondPort;

	@BeforeAll
	void startSecondInstance() {
		this.second = startInstance();
		this.secondPort = Integer.parseInt(this.second.getEnvironment().getProperty("local.server.port"));
	}

	/** Another instance of the application on the test database (command-line arguments win over application.properties). */
	static ConfigurableApplicationContext startInstance() {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(WalletdeskApplication.class).run(
				"--spring.datasource.url=" + TestDatabase.postgresUrl(),
				"--spring.datasource.username=" + TestDatabase.postgresUser(),
				"--spring.datasource.password=" + TestDatabase.postgresPassword(), "--server.port=0",
				"--walletdesk.demo.enabled=false", "--walletdesk.bootstrap.admin-password=" + IntegrationTest.ADMIN_PASSWORD,
				"--walletdesk.refund.reconcile.enabled=false", "--spring.main.banner-mode=off",
				// the same secrets key as every instance of a deployment: the TOTP secrets are sealed with it
				"--walletdesk.secrets.key=" + IntegrationTest.SECRETS_KEY);
		if (!TestDatabase.postgresUrl().equals(context.getEnvironment().getProperty("spring.datasource.url"))) {
			throw new IllegalStateException("the other instance is not on the test database");
		}
		return context;
	}

	@AfterAll
	void stopSecondInstance() {
		if (this.second != null) {
			this.second.close();
		}
	}

	@Test
	void fiftyRequestsSpreadOverTwoInstancesRefundExactlyTheCharge() {
		Shop shop = RefundFixture.eurShop(this.data);
		// this test runs on the real clock (the second instance has no test clock): sales padded on
		// both sides, so the China day's balance holds even if the test spans its midnight
		Instant now = Instant.now();
		String charge = this.data.tx(shop.store()).amount(100_00).at(now).save();
		this.data.tx(shop.store()).amount(1_000_00).at(now.plus(Duration.ofHours(2))).save();
		List<WebSession> sessions = List.of(RefundFixture.signIn(this.port, shop.username()),
				RefundFixture.signIn(this.secondPort, shop.username()), RefundFixture.signIn(this.port, shop.username()),
				RefundFixture.signIn(this.secondPort, shop.username()));
		AtomicInteger onSecond = new AtomicInteger();

		List<WebSession.Response> responses = Concurrently.run(50, i -> {
			WebSession session = sessions.get(i % sessions.size());
			if (i % 2 == 1) {
				onSecond.incrementAndGet();
			}
			return refund(session, charge, "10.00");
		});

		assertThat(onSecond.get()).isEqualTo(25);
		assertThat(RefundConcurrencyIT.count(responses))
			.containsExactlyInAnyOrderEntriesOf(Map.of("201", 10L, "NOT_REFUNDABLE", 40L)); // nothing remains (issue 15)
		TransactionRow row = row(this.transactions, charge);
		assertThat(row.refunded()).isEqualTo(100_00);
		assertThat(row.refundPending()).isZero();
		assertThat(this.sandbox.appliedTotal(charge)).isEqualTo(100_00);
		RefundFixture.assertBooksAgree(this.transactions, this.jdbc, charge);
	}

	@Test
	void oneKeyOverTwoInstancesIsOneRefund() {
		Shop shop = RefundFixture.eurShop(this.data);
		Instant now = Instant.now();
		String charge = this.data.tx(shop.store()).amount(100_00).at(now).save();
		this.data.tx(shop.store()).amount(1_000_00).at(now.plus(Duration.ofHours(2))).save();
		this.sandbox.setForStore(shop.store().id(), SandboxBehaviour.slow(Duration.ofMillis(300)));
		try {
			List<WebSession> sessions = List.of(RefundFixture.signIn(this.port, shop.username()),
					RefundFixture.signIn(this.secondPort, shop.username()));
			String key = RefundFixture.key();
			List<WebSession.Response> responses = Concurrently.run(20,
					i -> refund(sessions.get(i % 2), charge, "10.00", "double click", key));
			assertThat(RefundConcurrencyIT.count(responses).keySet()).isSubsetOf("201", "REQUEST_IN_PROGRESS");
			assertThat(responses.stream().filter(r -> r.status() == 201).map(WebSession.Response::body).distinct())
				.hasSize(1);
			assertThat(RefundFixture.refundRows(this.jdbc, charge)).isEqualTo(1);
			assertThat(row(this.transactions, charge).refunded()).isEqualTo(10_00);
			assertThat(this.sandbox.entriesForCharge(charge)).singleElement()
				.satisfies(entry -> assertThat(entry.requests()).isEqualTo(1));
		}
		finally {
			this.sandbox.clearStore(shop.store().id());
		}
	}

	@Test
	void twoInstancesReconcilingAtOnceSettleEachRefundOnce() {
		Shop shop = RefundFixture.eurShop(this.data);
		Instant now = Instant.now();
		String charge = this.data.tx(shop.store()).amount(100_00).at(now).save();
		this.data.tx(shop.store()).amount(1_000_00).at(now.plus(Duration.ofHours(2))).save();
		this.sandbox.setForStore(shop.store().id(), SandboxBehaviour.applyThenTimeOut());
		WebSession session = RefundFixture.signIn(this.port, shop.username());
		for (int i = 0; i < 40; i++) {
			assertThat(refund(session, charge, "1.00").json().get("refund").get("status").asString()).isEqualTo("pending");
		}
		// due now, whatever either instance's clock says
		this.jdbc.sql("UPDATE refund SET next_check_at = created_at - INTERVAL '1 hour' WHERE charge_id = :c")
			.param("c", charge)
			.update();
		RefundReconciler first = this.second.getBean(RefundReconciler.class);
		RefundReconciler other = this.reconciler;
		List<RefundReconciler.Report> reports = Concurrently.run(4, i -> (i % 2 == 0 ? first : other).reconcile());

		assertThat(RefundFixture.refundRows(this.jdbc, charge, "succeeded")).isEqualTo(40);
		assertThat(reports.stream().mapToInt(RefundReconciler.Report::succeeded).sum())
			.as("each refund settled by exactly one reconciler")
			.isEqualTo(40);
		assertThat(RefundFixture.audit(this.jdbc, charge).stream().filter(e -> e.get("outcome").equals("RECONCILED_SUCCEEDED")))
			.hasSize(40);
		assertThat(this.sandbox.entriesForCharge(charge)).hasSize(40)
			.allSatisfy(entry -> assertThat(entry.requests()).isEqualTo(1));
		TransactionRow row = row(this.transactions, charge);
		assertThat(row.refunded()).isEqualTo(40_00);
		assertThat(row.refundPending()).isZero();
		RefundFixture.assertBooksAgree(this.transactions, this.jdbc, charge);
		this.sandbox.clearStore(shop.store().id());
	}

	/**
	 * An instance is shut down while a refund waits for the wallet (its context closed: the wallet
	 * call interrupted, the pool closed). The refund is left pending with its amount reserved; the
	 * surviving instance's reconciler settles it, and the wallet applied it exactly once.
	 */
	@Test
	void anInstanceClosedWhileTheWalletIsCalledLeavesARefundTheOtherReconciles() throws Exception {
		Shop shop = RefundFixture.eurShop(this.data);
		Instant now = Instant.now();
		String charge = this.data.tx(shop.store()).amount(100_00).at(now).save();
		this.data.tx(shop.store()).amount(1_000_00).at(now.plus(Duration.ofHours(2))).save();
		long accountId = this.data.accountId(shop.username());
		this.sandbox.setForStore(shop.store().id(), SandboxBehaviour.slow(Duration.ofSeconds(4)));
		ConfigurableApplicationContext doomed = startInstance();
		try {
			CurrentUser user = doomed.getBean(AccountService.class).currentUser(accountId).orElseThrow();
			RefundService service = doomed.getBean(RefundService.class);
			var call = java.util.concurrent.CompletableFuture
				.supplyAsync(() -> service.refund(user, charge, new RefundCommand("30.00", "shutdown"), "closing-" + charge));
			long deadline = System.nanoTime() + 10_000_000_000L;
			while (RefundFixture.refundRows(this.jdbc, charge) == 0 && System.nanoTime() < deadline) {
				Thread.sleep(20);
			}
			assertThat(RefundFixture.refundRows(this.jdbc, charge)).as("reserved before the shutdown").isEqualTo(1);
			doomed.close();
			try {
				RefundResult result = call.get(30, java.util.concurrent.TimeUnit.SECONDS);
				assertThat(result.isPending()).as("if it still answered, it could only say pending").isTrue();
			}
			catch (java.util.concurrent.ExecutionException ex) {
				// the pool was gone before transaction B: the request died, the refund stayed pending
			}
		}
		finally {
			doomed.close();
			this.sandbox.clearStore(shop.store().id());
		}
		assertThat(RefundFixture.refundRows(this.jdbc, charge, "pending")).isEqualTo(1);
		assertThat(row(this.transactions, charge).refundPending()).isEqualTo(30_00);
		assertThat(this.sandbox.entriesForCharge(charge)).as("the interrupted call applied nothing").isEmpty();

		this.clock.set(Instant.now().plus(Duration.ofMinutes(3)));
		try {
			this.reconciler.reconcile();
		}
		finally {
			this.clock.reset();
		}
		assertThat(RefundFixture.refundRows(this.jdbc, charge, "succeeded")).isEqualTo(1);
		assertThat(this.sandbox.entriesForCharge(charge)).singleElement().satisfies(entry -> {
			assertThat(entry.applied()).isTrue();
			assertThat(entry.requests()).isEqualTo(1);
		});
		assertThat(row(this.transactions, charge).refunded()).isEqualTo(30_00);
		RefundFixture.assertBooksAgree(this.transactions, this.jdbc, charge);
	}

}
