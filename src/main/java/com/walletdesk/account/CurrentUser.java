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

}
