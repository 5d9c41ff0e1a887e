package com.walletdesk.transaction;

/**
 * A transaction could not be stored under the ID drawn for it earlier, because a channel sent
 * one in under that ID meanwhile (ingestion accepts any 12 digits). Thrown as the database
 * transaction commits, so it rolls back whole; settling again without a planned ID succeeds.
 */
public class TransactionIdTakenException extends RuntimeException {

	public TransactionIdTakenException(String id) {
		super("transaction ID " + id + " was taken by a channel", null, false, false);
	}

}
