package com.walletdesk.refund;

import java.util.Locale;

/**
 * Where a dashboard refund stands. The legal moves are {@code PENDING -> SUCCEEDED} and
 * {@code PENDING -> FAILED}; both final states are final ({@link Refund} enforces it).
 */
public enum RefundState {

	/** Reserved on the charge; the wallet has not (yet) given a definite answer. */
	PENDING,
	/** The wallet applied it: a refund_dashboard transaction exists. */
	SUCCEEDED,
	/** The wallet declined it: the reservation was released. */
	FAILED;

	/** The contract's lower-case name ({@code "pending"}), also the stored value. */
	public String wireName() {
		return name().toLowerCase(Locale.ROOT);
	}

	static RefundState fromWire(String value) {
		return valueOf(value.toUpperCase(Locale.ROOT));
	}

	public boolean isFinal() {
		return this != PENDING;
	}

}
