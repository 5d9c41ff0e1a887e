package com.walletdesk.money;

/** An amount or currency that cannot be read exactly; the message says why, for a person. */
public class InvalidAmountException extends IllegalArgumentException {

	public InvalidAmountException(String message) {
		super(message);
	}

}
