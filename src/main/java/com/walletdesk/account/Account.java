package com.walletdesk.account;

import java.time.Instant;

/** A stored account. The password hash never leaves this module. */
record Account(long id, String username, String passwordHash, Role role, Long scopeId, boolean canRefund,
		boolean enabled, int failedAttempts, Instant lockedUntil, boolean passwordChangeRequired) {

	boolean isOperator() {
		return this.role == Role.OPERATOR;
	}

}
