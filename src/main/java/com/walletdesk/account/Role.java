package com.walletdesk.account;

public enum Role {

	/** Operator staff of the payment provider: administration, sees every merchant. */
	OPERATOR,

	/** A merchant user: sees only the subtree under its scope node. */
	MERCHANT

}
