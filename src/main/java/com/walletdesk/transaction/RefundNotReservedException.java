package com.walletdesk.transaction;

/**
 * A dashboard refund did not fit: nothing was reserved (the caller's transaction rolls back).
 * The refund module turns the reason into its answer.
 */
public class RefundNotReservedException extends RuntimeException {

	/** Which limit the refund would have broken. */
	public enum Reason {

		/** more than what remains of the charge (its amount less its refunds, succeeded and pending) */
		EXCEEDS_REMAINING,

		/** more than the store's China day's sales less its refunds, succeeded and pending */
		EXCEEDS_DAILY_BALANCE

	}

	private final Reason reason;

	public RefundNotReservedException(Reason reason) {
		super("refund not reserved: " + reason);
		this.reason = reason;
	}

	public Reason reason() {
		return this.reason;
	}

}
