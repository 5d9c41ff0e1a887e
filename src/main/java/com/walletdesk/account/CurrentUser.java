package com.walletdesk.account;

import com.walletdesk.merchant.Scope;

/**
 * The signed-in account as of this request (reloaded on every request, so a revoked privilege
 * or a disabled account takes effect at once). Controllers receive it as a method argument and
 * hand it to services, which check scope and privilege themselves.
 */
public record CurrentUser(long accountId, String username, Role role, Scope scope, boolean canRefund) {

	public boolean isOperator() {
		return this.role == Role.OPERATOR;
	}

	/**
	 * The services' own check that only an operator administers (the security rules refuse
	 * others at the door too): 403 {@code ACCESS_DENIED} otherwise.
	 */
	public CurrentUser requireOperator() {
		if (!isOperator()) {
			throw com.walletdesk.web.ProblemException.forbidden("ACCESS_DENIED", "Only an operator may do this");
		}
		return this;
	}

}
