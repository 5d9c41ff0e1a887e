package com.walletdesk.account;

import java.time.Instant;

/** A stored account. The password hash and the MFA secret never leave this module. */
record Account(long id, String username, String passwordHash, Role role, Long scopeId, boolean canRefund,
		boolean enabled, int failedAttempts, Instant lockedUntil, boolean passwordChangeRequired, String mfaSecret,
		String mfaPendingSecret, Long mfaLastStep) {

	boolean isOperator() {
		return this.role == Role.OPERATOR;
	}

	boolean lockedAt(Instant now) {
		return this.lockedUntil != null && this.lockedUntil.isAfter(now);
	}

	boolean mfaEnrolled() {
		return this.mfaSecret != null;
	}

}
