package com.walletdesk.account.password;

import java.time.Clock;
import java.util.Map;

import com.walletdesk.account.Account;
import com.walletdesk.account.Accounts;
import com.walletdesk.account.session.SessionTerminator;
import com.walletdesk.account.signin.LockOut;
import com.walletdesk.audit.AuditService;
import com.walletdesk.web.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;

/**
 * A new password for an existing account: the rule it must pass (the policy, and none of the
 * account's last {@value PasswordPolicy#HISTORY}), and the owner's own change of it.
 */
@Service
public class PasswordChanges {

	private final Accounts accounts;

	private final PasswordEncoder passwordEncoder;

	private final PasswordPolicy policy;

	private final LockOut lockOut;

	private final SessionTerminator sessions;

	private final AuditService audit;

	private final Clock clock;

	PasswordChanges(Accounts accounts, PasswordEncoder passwordEncoder, PasswordPolicy policy, LockOut lockOut,
			SessionTerminator sessions, AuditService audit, Clock clock) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.policy = policy;
		this.lockOut = lockOut;
		this.sessions = sessions;
		this.audit = audit;
		this.clock = clock;
	}

	/** Refuses (400 with the field at fault) a password the account may not take now. */
	public void checkNew(Account account, String password) {
		this.policy.check(password, account.username());
		for (String hash : this.accounts.recentPasswordHashes(account.id(), PasswordPolicy.HISTORY)) {
			if (this.passwordEncoder.matches(password, hash)) {
				throw new ProblemException(HttpStatus.BAD_REQUEST, "PASSWORD_REUSED",
						"The password was used recently", Map.of("password",
								"must differ from the last " + PasswordPolicy.HISTORY + " passwords of this account"));
			}
		}
	}

	/**
	 * The signed-in account changes its own password: the current one must be right (a wrong
	 * one counts towards the lock-out), the new one must pass {@link #checkNew}. Ends the
	 * account's other sessions.
	 */
	public void changeOwn(long accountId, String currentPassword, String newPassword, String keepSessionId) {
		Account account = this.accounts.findById(accountId)
			.orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Sign in first"));
		if (currentPassword == null || !this.passwordEncoder.matches(currentPassword, account.passwordHash())) {
			this.lockOut.failed(account, "password");
			this.audit.record(AuditService.PASSWORD_CHANGE, "FAILURE", account.username(), "account",
					"current password not right");
			throw new ProblemException(HttpStatus.BAD_REQUEST, "INVALID_CURRENT_PASSWORD",
					"The current password is not right", Map.of("currentPassword", "is not right"));
		}
		checkNew(account, newPassword);
		this.accounts.updatePassword(accountId, this.passwordEncoder.encode(newPassword), false, this.clock.instant());
		this.lockOut.succeeded(account);
		this.sessions.endSessionsOf(account.username(), keepSessionId);
		this.audit.record(AuditService.PASSWORD_CHANGE, "SUCCESS", account.username(), "account", null);
	}

}
