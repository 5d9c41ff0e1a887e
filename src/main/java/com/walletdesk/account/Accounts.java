package com.walletdesk.account;

import com.walletdesk.account.password.PasswordPolicy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Repository;

import static com.walletdesk.jdbc.Columns.utc;

/** The account table, its password history and its MFA recovery codes. */
@Repository
public class Accounts {

	private static final String COLUMNS = "id, username, password_hash, role, scope_id, can_refund, enabled, "
			+ "failed_attempts, locked_until, password_change_required, mfa_secret, mfa_pending_secret, mfa_last_step";

	private final JdbcClient jdbc;

	private final MfaSecretSeal seal;

	Accounts(JdbcClient jdbc, MfaSecretSeal seal) {
		this.jdbc = jdbc;
		this.seal = seal;
	}

	public Optional<Account> findById(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE id = :id").param("id", id).query(this::map).optional();
	}

	public Optional<Account> findByUsername(String username) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM account WHERE username = :username")
			.param("username", username)
			.query(this::map)
			.optional();
	}

	boolean anyOperator() {
		return this.jdbc.sql("SELECT COUNT(*) FROM account WHERE role = 'OPERATOR'").query(Long.class).single() > 0;
	}

	long insert(String username, String passwordHash, Role role, Long scopeId, boolean canRefund,
			boolean passwordChangeRequired, Instant now) {
		var keys = new GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO account (username, password_hash, role, scope_id, can_refund, enabled, password_change_required, created_at)
				VALUES (:username, :hash, :role, :scopeId, :canRefund, TRUE, :change, :now)""")
			.param("username", username)
			.param("hash", passwordHash)
			.param("role", role.name())
			.param("scopeId", scopeId)
			.param("canRefund", canRefund)
			.param("change", passwordChangeRequired)
			.param("now", utc(now))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		addToHistory(id, passwordHash, now);
		return id;
	}

	void updateFlags(long id, boolean canRefund, boolean enabled) {
		this.jdbc.sql("UPDATE account SET can_refund = :canRefund, enabled = :enabled WHERE id = :id")
			.param("canRefund", canRefund)
			.param("enabled", enabled)
			.param("id", id)
			.update();
	}

	/** Sets a new password, remembers its hash among the last {@code keep} and forgets older ones. */
	public void updatePassword(long id, String passwordHash, boolean changeRequired, Instant now) {
		this.jdbc.sql("UPDATE account SET password_hash = :hash, password_change_required = :change WHERE id = :id")
			.param("hash", passwordHash)
			.param("change", changeRequired)
			.param("id", id)
			.update();
		addToHistory(id, passwordHash, now);
	}

	/** The hashes of the account's most recent passwords, the current one first. */
	public List<String> recentPasswordHashes(long id, int count) {
		return this.jdbc.sql("SELECT password_hash FROM password_history WHERE account_id = :id ORDER BY id DESC LIMIT "
				+ count)
			.param("id", id)
			.query(String.class)
			.list();
	}

	private void addToHistory(long id, String passwordHash, Instant now) {
		this.jdbc.sql("INSERT INTO password_history (account_id, password_hash, created_at) VALUES (:id, :hash, :now)")
			.param("id", id)
			.param("hash", passwordHash)
			.param("now", utc(now))
			.update();
		// only the last PasswordPolicy.HISTORY hashes are needed; older ones are not kept
		this.jdbc.sql("""
				DELETE FROM password_history WHERE account_id = :id AND id NOT IN (
				  SELECT h.id FROM (SELECT id FROM password_history WHERE account_id = :id ORDER BY id DESC LIMIT :keep) h)""")
			.param("id", id)
			.param("keep", PasswordPolicy.HISTORY)
			.update();
	}

	// --- lock-out: the counter lives here, so it holds across application instances

	/** Counts one failed attempt (one atomic UPDATE, safe under concurrency). */
	public void countFailure(long id) {
		this.jdbc.sql("UPDATE account SET failed_attempts = failed_attempts + 1 WHERE id = :id").param("id", id).update();
	}

	/**
	 * Locks the account when it has reached {@code threshold} failures, starting a fresh count.
	 * True for exactly one caller however many fail at once (the row lock serialises them).
	 */
	public boolean lockIfReached(long id, int threshold, Instant until) {
		return this.jdbc.sql("""
				UPDATE account SET failed_attempts = 0, locked_until = :until
				WHERE id = :id AND failed_attempts >= :threshold""")
			.param("until", utc(until))
			.param("id", id)
			.param("threshold", threshold)
			.update() == 1;
	}

	public void clearFailures(long id) {
		this.jdbc.sql("UPDATE account SET failed_attempts = 0, locked_until = NULL WHERE id = :id "
				+ "AND (failed_attempts <> 0 OR locked_until IS NOT NULL)")
			.param("id", id)
			.update();
	}

	// --- MFA

	/** Stores a new enrolment's secret, sealed (in clear only while no walletdesk.secrets.key is set). */
	public void setPendingMfaSecret(long id, String secret) {
		this.jdbc.sql("UPDATE account SET mfa_pending_secret = :secret WHERE id = :id")
			.param("secret", this.seal.seal(secret))
			.param("id", id)
			.update();
	}

	/** Makes the pending secret the account's, with the step of the code that confirmed it. */
	public boolean enableMfa(long id, String secret, long step) {
		// the stored (sealed) value is compared, not the secret: a restarted enrolment meanwhile wins
		String stored = this.jdbc.sql("SELECT mfa_pending_secret FROM account WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.optional()
			.orElse(null);
		if (stored == null || !secret.equals(this.seal.open(stored))) {
			return false;
		}
		return this.jdbc.sql("""
				UPDATE account SET mfa_secret = mfa_pending_secret, mfa_pending_secret = NULL, mfa_last_step = :step
				WHERE id = :id AND mfa_secret IS NULL AND mfa_pending_secret = :stored""")
			.param("stored", stored)
			.param("step", step)
			.param("id", id)
			.update() == 1;
	}

	/** Accepts a time step only when it is later than the last accepted one: a code works once. */
	public boolean useMfaStep(long id, long step) {
		return this.jdbc.sql("""
				UPDATE account SET mfa_last_step = :step
				WHERE id = :id AND mfa_secret IS NOT NULL AND (mfa_last_step IS NULL OR mfa_last_step < :step)""")
			.param("step", step)
			.param("id", id)
			.update() == 1;
	}

	public void resetMfa(long id) {
		this.jdbc.sql("UPDATE account SET mfa_secret = NULL, mfa_pending_secret = NULL, mfa_last_step = NULL WHERE id = :id")
			.param("id", id)
			.update();
		this.jdbc.sql("DELETE FROM mfa_recovery_code WHERE account_id = :id").param("id", id).update();
	}

	public void replaceRecoveryCodes(long id, List<String> codeHashes) {
		this.jdbc.sql("DELETE FROM mfa_recovery_code WHERE account_id = :id").param("id", id).update();
		for (String hash : codeHashes) {
			this.jdbc.sql("INSERT INTO mfa_recovery_code (account_id, code_hash) VALUES (:id, :hash)")
				.param("id", id)
				.param("hash", hash)
				.update();
		}
	}

	/** Marks an unused recovery code used; true for exactly one caller. */
	public boolean useRecoveryCode(long id, String codeHash, Instant now) {
		return this.jdbc.sql("""
				UPDATE mfa_recovery_code SET used_at = :now
				WHERE account_id = :id AND code_hash = :hash AND used_at IS NULL""")
			.param("now", utc(now))
			.param("id", id)
			.param("hash", codeHash)
			.update() == 1;
	}

	public int unusedRecoveryCodes(long id) {
		return this.jdbc.sql("SELECT COUNT(*) FROM mfa_recovery_code WHERE account_id = :id AND used_at IS NULL")
			.param("id", id)
			.query(Integer.class)
			.single();
	}

	// --- the operators' user list

	/** Records a sign-in (the password accepted). */
	public void recordSignIn(long id, Instant now) {
		this.jdbc.sql("UPDATE account SET last_sign_in_at = :now WHERE id = :id").param("now", utc(now)).param("id", id).update();
	}

	private Account map(ResultSet rs, int row) throws SQLException {
		long scope = rs.getLong("scope_id");
		Long scopeId = rs.wasNull() ? null : scope;
		OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
		long step = rs.getLong("mfa_last_step");
		Long lastStep = rs.wasNull() ? null : step;
		return new Account(rs.getLong("id"), rs.getString("username"), rs.getString("password_hash"),
				Role.valueOf(rs.getString("role")), scopeId, rs.getBoolean("can_refund"), rs.getBoolean("enabled"),
				rs.getInt("failed_attempts"), locked == null ? null : locked.toInstant(),
				rs.getBoolean("password_change_required"), this.seal.open(rs.getString("mfa_secret")),
				this.seal.open(rs.getString("mfa_pending_secret")), lastStep);
	}

}
