package com.walletdesk.account.signin;

import com.walletdesk.account.Account;
import com.walletdesk.account.Accounts;
import java.time.Clock;
import java.time.Duration;

import com.walletdesk.audit.AuditService;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Counts failed proofs of identity (a wrong password at sign-in or at a password change, a
 * wrong MFA code) in the account row and locks the account for
 * {@code walletdesk.security.lockout.duration} (30 minutes) after
 * {@code walletdesk.security.lockout.max-attempts} (10) of them, PCI DSS 8.3.4. The counter is
 * in the database, so it holds across application instances; the lock is audited once.
 */
@Component
public class LockOut {

	private final Accounts accounts;

	private final AuditService audit;

	private final Clock clock;

	private final int maxAttempts;

	private final Duration duration;

	LockOut(Accounts accounts, AuditService audit, Clock clock,
			@Value("${walletdesk.security.lockout.max-attempts:10}") int maxAttempts,
			@Value("${walletdesk.security.lockout.duration:30m}") Duration duration) {
		this.accounts = accounts;
		this.audit = audit;
		this.clock = clock;
		this.maxAttempts = maxAttempts;
		this.duration = duration;
	}

	/** Records a failure; true when this failure locked the account. */
	public boolean failed(Account account, String resource) {
		this.accounts.countFailure(account.id());
		if (this.accounts.lockIfReached(account.id(), this.maxAttempts, this.clock.instant().plus(this.duration))) {
			this.audit.record(AuditService.LOCKED_OUT, "LOCKED", account.username(), resource,
					this.maxAttempts + " failed attempts; locked for " + this.duration.toMinutes() + " minutes");
			return true;
		}
		return false;
	}

	public boolean isLocked(Account account) {
		return account.lockedAt(this.clock.instant());
	}

	/** Remembers when the account last signed in (the operators' user list shows it). */
	public void signedIn(Account account) {
		this.accounts.recordSignIn(account.id(), this.clock.instant());
	}

	public void succeeded(Account account) {
		if (account.failedAttempts() != 0 || account.lockedUntil() != null) {
			this.accounts.clearFailures(account.id());
		}
	}

}
