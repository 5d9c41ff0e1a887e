package com.walletdesk.refund;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.walletdesk.account.AccountService;
import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.sandbox.SandboxWallet;
import com.walletdesk.support.MutableClock;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import com.walletdesk.transaction.TransactionRow;
import com.walletdesk.transaction.TransactionService;
import org.junit.jupiter.api.AfterEach;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the refund tests share: the application's parts they drive (each IT extends this), reset
 * after every test (the clock, the sandbox wallet's modes, the crash checkpoints); a store with a
 * refunder signed in, refund requests over HTTP, and the sums in the database to compare with.
 */
public abstract class RefundFixture {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@LocalServerPort
	protected int port;

	@Autowired
	protected TestData data;

	@Autowired
	protected MutableClock clock;

	@Autowired
	protected TransactionService transactions;

	@Autowired
	protected RefundService refunds;

	@Autowired
	protected RefundReconciler reconciler;

	@Autowired
	protected RefundCheckpoints checkpoints;

	@Autowired
	protected SandboxWallet sandbox;

	@Autowired
	protected AccountService accounts;

	@Autowired
	protected JdbcClient jdbc;

	@AfterEach
	void resetTheFixture() {
		this.clock.reset();
		this.sandbox.approveAll();
		this.checkpoints.disarm();
	}

	/** A group, a store in it, and an account over the store (with or without the refund privilege). */
	record Shop(MerchantNode group, MerchantNode store, String username) {
	}

	static Shop shop(TestData data, String timezone, String currency, boolean canRefund) {
		MerchantNode group = data.group("refund-group", null);
		MerchantNode store = data.store("refund-store", group.id(), timezone, currency, "en-GB");
		return new Shop(group, store, data.merchantUser(store.id(), canRefund));
	}

	static Shop eurShop(TestData data) {
		return shop(data, "Europe/Lisbon", "EUR", true);
	}

	/**
	 * Signs in through the form and makes one request on the new session, so concurrent requests
	 * that follow never race to create the session's rows (STACK.md pitfall).
	 */
	static WebSession signIn(int port, String username) {
		WebSession session = WebSession.signIn(port, username, TestData.PASSWORD);
		if (session.get("/api/v1/me").status() != 200) {
			throw new AssertionError("session of " + username + " does not work");
		}
		return session;
	}

	static String key() {
		return "test-" + UUID.randomUUID();
	}

	static String body(String amount, String reason) {
		Map<String, Object> body = new LinkedHashMap<>();
		if (amount != null) {
			body.put("amount", amount);
		}
		if (reason != null) {
			body.put("reason", reason);
		}
		return JSON.writeValueAsString(body);
	}

	static WebSession.Response refund(WebSession session, String chargeId, String amount, String reason, String key) {
		return session.post("/api/v1/transactions/" + chargeId + "/refunds", body(amount, reason),
				key == null ? Map.of() : Map.of("Idempotency-Key", key));
	}

	static WebSession.Response refund(WebSession session, String chargeId, String amount) {
		return refund(session, chargeId, amount, "customer returned the goods", key());
	}

	static TransactionRow row(TransactionService transactions, String id) {
		return transactions.findById(id).orElseThrow();
	}

	static long refundRows(JdbcClient jdbc, String chargeId) {
		return jdbc.sql("SELECT COUNT(*) FROM refund WHERE charge_id = :id").param("id", chargeId).query(Long.class).single();
	}

	static long refundRows(JdbcClient jdbc, String chargeId, String state) {
		return jdbc.sql("SELECT COUNT(*) FROM refund WHERE charge_id = :id AND state = :state")
			.param("id", chargeId)
			.param("state", state)
			.query(Long.class)
			.single();
	}

	/** The refund_dashboard transactions of a charge. */
	static List<TransactionRow> dashboardRefunds(TransactionService transactions, JdbcClient jdbc, String chargeId) {
		return jdbc.sql("SELECT id FROM wallet_transaction WHERE parent_id = :id AND type = 'refund_dashboard' ORDER BY id")
			.param("id", chargeId)
			.query(String.class)
			.list()
			.stream()
			.map(id -> row(transactions, id))
			.toList();
	}

	/**
	 * Asserts the charge's columns agree with its refund rows and its refund_dashboard transactions,
	 * and its store's day totals with the store's transactions.
	 */
	static void assertBooksAgree(TransactionService transactions, JdbcClient jdbc, String chargeId) {
		TransactionRow charge = row(transactions, chargeId);
		long succeeded = sum(jdbc, chargeId, "succeeded");
		long pending = sum(jdbc, chargeId, "pending");
		long dashboardTransactions = dashboardRefunds(transactions, jdbc, chargeId).stream()
			.mapToLong(TransactionRow::amount)
			.sum();
		long appRefunds = jdbc
			.sql("SELECT COALESCE(SUM(amount), 0) FROM wallet_transaction WHERE parent_id = :id AND type = 'refund'")
			.param("id", chargeId)
			.query(Long.class)
			.single();
		org.assertj.core.api.Assertions.assertThat(charge.refundPending()).as("pending of %s", chargeId).isEqualTo(pending);
		org.assertj.core.api.Assertions.assertThat(charge.refunded())
			.as("refunded of %s", chargeId)
			.isEqualTo(succeeded + appRefunds)
			.isEqualTo(dashboardTransactions + appRefunds);
		org.assertj.core.api.Assertions.assertThat(charge.refunded() + charge.refundPending()).isLessThanOrEqualTo(charge.amount());
		com.walletdesk.support.DayTotalsCheck.assertAgree(jdbc, charge.storeId());
	}

	static long sum(JdbcClient jdbc, String chargeId, String state) {
		return jdbc.sql("SELECT COALESCE(SUM(amount), 0) FROM refund WHERE charge_id = :id AND state = :state")
			.param("id", chargeId)
			.param("state", state)
			.query(Long.class)
			.single();
	}

	/** Audit events of refund attempts on a charge: outcome and details, oldest first. */
	static List<Map<String, String>> audit(JdbcClient jdbc, String chargeId) {
		return jdbc.sql("""
				SELECT account, outcome, source_ip, details FROM audit_event
				WHERE type = 'REFUND' AND resource = :resource ORDER BY id""")
			.param("resource", "transaction:" + chargeId)
			.query((rs, n) -> {
				Map<String, String> row = new LinkedHashMap<>();
				row.put("account", rs.getString("account"));
				row.put("outcome", rs.getString("outcome"));
				row.put("sourceIp", rs.getString("source_ip"));
				row.put("details", rs.getString("details"));
				return row;
			})
			.list();
	}

}
