package com.walletdesk.transaction;

/**
 * A refund that the table refused: its charge is unknown, of another store, or has not enough
 * remaining. Thrown inside the database transaction, so nothing of the batch stays stored.
 */
public class RefundNotRecordedException extends RuntimeException {

	private final String chargeId;

	public RefundNotRecordedException(String chargeId) {
		super("refund of " + chargeId + " does not fit its charge", null, false, false);
		this.chargeId = chargeId;
	}

	public String chargeId() {
		return this.chargeId;
	}

}
