package com.walletdesk.refund;

/** A state change a refund does not allow (settling a settled refund, answering twice). */
public class IllegalRefundMoveException extends IllegalStateException {

	IllegalRefundMoveException(String message) {
		super(message);
	}

}
