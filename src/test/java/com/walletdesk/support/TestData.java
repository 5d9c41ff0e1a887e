package com.walletdesk.support;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import com.walletdesk.account.AccountService;
import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService;
import com.walletdesk.transaction.TransactionRow;
import com.walletdesk.transaction.TransactionService;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Builds the merchants, accounts and transactions a test needs, through the application's own
 * services, with names unique per call so tests never depend on what others left behind.
 */
public class TestData {

	public static final String PASSWORD = "Merchant-Passw0rd-2026";

	private static final AtomicLong SEQUENCE = new AtomicLong(System.nanoTime() % 1_000_000);

	private final JdbcClient jdbc;

	@Autowired
	private MerchantService merchants;

	@Autowired
	private AccountService accounts;

	@Autowired
	private TransactionService transactions;

	TestData(JdbcClient jdbc, PasswordEncoder encoder) {
		this.jdbc = jdbc;
	}

	public static String unique(String prefix) {
		return prefix + "-" + SEQUENCE.incrementAndGet();
	}

	public MerchantNode group(String name, Long parentId) {
		return this.merchants.create(new MerchantService.NewMerchant("GROUP", unique(name), parentId, "Lisbon", null, null, null));
	}

	public MerchantNode store(String name, long parentId, String timezone, String currency, String locale) {
		return this.merchants
			.create(new MerchantService.NewMerchant("STORE", unique(name), parentId, "Rua Augusta 1", timezone, currency, locale));
	}

	public MerchantNode eurStore(long parentId) {
		return store("store", parentId, "Europe/Lisbon", "EUR", "pt-PT");
	}

	public void license(long nodeId, boolean active) {
		this.merchants.update(nodeId, new MerchantService.MerchantChange(null, null, null, null, null, active));
	}

	/**
	 * A merchant user over {@code scopeId}; signs in with {@link #PASSWORD}. Returns the username.
	 * Like every test account its password needs no change at the first sign-in (as the demo
	 * data's published ones); with {@code canRefund} it needs MFA, which {@link WebSession#signIn}
	 * completes by itself.
	 */
	public String merchantUser(long scopeId, boolean canRefund) {
		String username = unique("user").toLowerCase();
		this.accounts.createWithPublishedPassword(
				new AccountService.NewAccount(username, PASSWORD, "MERCHANT", scopeId, canRefund));
		return username;
	}

	/** An operator (MFA is completed by {@link WebSession#signIn}). */
	public String operator() {
		String username = unique("operator").toLowerCase();
		this.accounts.createWithPublishedPassword(new AccountService.NewAccount(username, PASSWORD, "OPERATOR", null, false));
		return username;
	}

	/** The ID of the account with this username. */
	public long accountId(String username) {
		return this.jdbc.sql("SELECT id FROM account WHERE username = :u").param("u", username).query(Long.class).single();
	}

	public static String randomTransactionId() {
		// below 900000000000, where the IDs this system issues begin
		return String.format("%012d", ThreadLocalRandom.current().nextLong(100_000_000_000L, 900_000_000_000L));
	}

	public Tx tx(MerchantNode store) {
		return new Tx(store);
	}

	/** A transaction under construction; {@link #save()} stores it. */
	public final class Tx {

		private final MerchantNode store;

		private String id = randomTransactionId();

		private String type = TransactionRow.CHARGE;

		private String method = "ALP";

		private String channel = "APP";

		private long amount = 10_00;

		private long tip;

		private Instant at = Instant.now().truncatedTo(ChronoUnit.SECONDS);

		private String reference;

		private String parentId;

		private String vendorReference = "VR" + ThreadLocalRandom.current().nextLong(1_000_000_000L);

		Tx(MerchantNode store) {
			this.store = store;
		}

		public Tx id(String id) {
			this.id = id;
			return this;
		}

		public Tx method(String method) {
			this.method = method;
			return this;
		}

		public Tx payByLink(String reference) {
			this.channel = "PAY_BY_LINK";
			this.reference = reference;
			return this;
		}

		public Tx amount(long minor) {
			this.amount = minor;
			return this;
		}

		public Tx tip(long minor) {
			this.tip = minor;
			return this;
		}

		public Tx at(Instant at) {
			this.at = at;
			return this;
		}

		/** The wallet's own ID of the transaction; null: the wallet's ID is not known. */
		public Tx vendorReference(String vendorReference) {
			this.vendorReference = vendorReference;
			return this;
		}

		public Tx refundOf(String chargeId) {
			this.type = TransactionRow.REFUND;
			this.parentId = chargeId;
			return this;
		}

		public String save() {
			TransactionRow row = new TransactionRow(this.id, this.store.id(), this.type, this.method, this.channel,
					this.amount, this.tip, this.store.currency(), this.at, this.reference, this.vendorReference,
					this.parentId, "T-01", "L-7", null, null, null, 0, 0);
			if (!TestData.this.transactions.record(row)) {
				throw new IllegalStateException("refund exceeds its charge");
			}
			return this.id;
		}

	}

	public JdbcClient jdbc() {
		return this.jdbc;
	}

}
