package com.walletdesk.account;

import java.time.Instant;

/** A stored account. The password hash and the MFA secret never leave this module. */
public record Account(long id, String username, String passwordHash, Role role, Long scopeId, boolean canRefund,
		boolean enabled, int failedAttempts, Instant lockedUntil, boolean passwordChangeRequired, String mfaSecret,
		String mfaPendingSecret, Long mfaLastStep) {

	public boolean isOperator() {
		return this.role == Role.OPERATOR;
	}

	public boolean lockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

	public boolean mfaEnrolled() {
		return this.mfaSecret != null;
	}

}
