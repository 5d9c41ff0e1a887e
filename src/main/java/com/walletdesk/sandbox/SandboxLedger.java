package com.walletdesk.sandbox;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.util.Assert;

/**
 * The sandbox wallet's own books, in its own tables: the refunds it received (one row per key,
 * so no key is ever applied twice) and how it is set to behave. Kept in the database so that
 * every application instance talks to the same simulated wallet, as they would to a real one.
 */
@Repository
@ConditionalOnSandboxWallet
class SandboxLedger {

	private static final String COLUMNS = "refund_key, charge_id, store_id, amount, currency, status, provider_reference, "
			+ "message, requests, received_at";

	private final JdbcClient jdbc;

	SandboxLedger(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Records the first result for a key, or counts a repeat of it; either way returns the entry
	 * as first recorded (a wallet answers a repeated key with its first result).
	 */
	SandboxLedgerEntry record(SandboxLedgerEntry entry) {
		// The simulated wallet's books are not ours to keep durable: a real wallet's are on its own
		// servers. So this write does not wait for the disk (PostgreSQL's synchronous_commit, off
		// for this one autocommitted statement; H2 knows set_config too, and ignores it). A crash of
		// the database server itself could lose the last fraction of a second of these rows, as a
		// simulator may. Inside a transaction it would take that transaction's durability with it;
		// the wallet is only ever called outside one (WalletService), and this checks it.
		Assert.state(!TransactionSynchronizationManager.isActualTransactionActive(),
				"the sandbox wallet's books are written outside any database transaction");
		int inserted = this.jdbc.sql("""
				INSERT INTO sandbox_wallet_refund (refund_key, charge_id, store_id, amount, currency, status,
				  provider_reference, message, requests, received_at)
				SELECT :key, :charge, :store, :amount, :currency, :status, :reference, :message, 1, :at
				FROM (SELECT set_config('synchronous_commit', 'off', true)) AS not_durable
				ON CONFLICT DO NOTHING""")
			.param("key", entry.refundKey())
			.param("charge", entry.chargeId())
			.param("store", entry.storeId())
			.param("amount", entry.amountMinor())
			.param("currency", entry.currency())
			.param("status", entry.status().name())
			.param("reference", entry.providerReference())
			.param("message", entry.message())
			.param("at", OffsetDateTime.ofInstant(entry.receivedAt(), ZoneOffset.UTC))
			.update();
		if (inserted == 1) {
			return entry;
		}
		this.jdbc.sql("UPDATE sandbox_wallet_refund SET requests = requests + 1 WHERE refund_key = :key")
			.param("key", entry.refundKey())
			.update();
		return find(entry.refundKey()).orElseThrow();
	}

	Optional<SandboxLedgerEntry> find(String key) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM sandbox_wallet_refund WHERE refund_key = :key")
			.param("key", key)
			.query(SandboxLedger::map)
			.optional();
	}

	List<SandboxLedgerEntry> findByCharge(String chargeId) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM sandbox_wallet_refund WHERE charge_id = :charge ORDER BY received_at, refund_key")
			.param("charge", chargeId)
			.query(SandboxLedger::map)
			.list();
	}

	/** The behaviour for a store: its own setting, else the global one, else approve. */
	SandboxBehaviour behaviourFor(long storeId) {
		List<Setting> settings = this.jdbc
			.sql("SELECT scope, mode, message, delay_ms FROM sandbox_wallet_setting WHERE scope IN ('*', :store)")
			.param("store", storeScope(storeId))
			.query((rs, n) -> new Setting(rs.getString("scope"), behaviour(rs)))
			.list();
		return settings.stream()
			.filter(s -> !s.scope().equals("*"))
			.findFirst()
			.or(() -> settings.stream().findFirst())
			.map(Setting::behaviour)
			.orElse(SandboxBehaviour.approve());
	}

	Optional<SandboxBehaviour> global() {
		return this.jdbc.sql("SELECT scope, mode, message, delay_ms FROM sandbox_wallet_setting WHERE scope = '*'")
			.query((rs, n) -> behaviour(rs))
			.optional();
	}

	/** Every store-specific setting, by store id. */
	List<StoreSetting> storeSettings() {
		return this.jdbc.sql("SELECT scope, mode, message, delay_ms FROM sandbox_wallet_setting WHERE scope <> '*' ORDER BY scope")
			.query((rs, n) -> new StoreSetting(Long.parseLong(rs.getString("scope").substring("store:".length())),
					behaviour(rs)))
			.list();
	}

	void save(Long storeId, SandboxBehaviour behaviour, Instant at) {
		String scope = storeId == null ? "*" : storeScope(storeId);
		this.jdbc.sql("DELETE FROM sandbox_wallet_setting WHERE scope = :scope").param("scope", scope).update();
		this.jdbc.sql("""
				INSERT INTO sandbox_wallet_setting (scope, mode, message, delay_ms, updated_at)
				VALUES (:scope, :mode, :message, :delay, :at)""")
			.param("scope", scope)
			.param("mode", behaviour.mode().name())
			.param("message", behaviour.message())
			.param("delay", behaviour.delay().toMillis())
			.param("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
			.update();
	}

	void clear(Long storeId) {
		this.jdbc.sql("DELETE FROM sandbox_wallet_setting WHERE scope = :scope")
			.param("scope", storeId == null ? "*" : storeScope(storeId))
			.update();
	}

	void clearAll() {
		this.jdbc.sql("DELETE FROM sandbox_wallet_setting").update();
	}

	record StoreSetting(long storeId, SandboxBehaviour behaviour) {
	}

	private record Setting(String scope, SandboxBehaviour behaviour) {
	}

	private static String storeScope(long storeId) {
		return "store:" + storeId;
	}

	private static SandboxBehaviour behaviour(ResultSet rs) throws SQLException {
		return new SandboxBehaviour(SandboxBehaviour.Mode.valueOf(rs.getString("mode")), rs.getString("message"),
				java.time.Duration.ofMillis(rs.getLong("delay_ms")));
	}

	private static SandboxLedgerEntry map(ResultSet rs, int row) throws SQLException {
		return new SandboxLedgerEntry(rs.getString("refund_key"), rs.getString("charge_id"), rs.getLong("store_id"),
				rs.getLong("amount"), rs.getString("currency").trim(),
				SandboxLedgerEntry.Status.valueOf(rs.getString("status")), rs.getString("provider_reference"),
				rs.getString("message"), rs.getInt("requests"),
				rs.getObject("received_at", OffsetDateTime.class).toInstant());
	}

}
