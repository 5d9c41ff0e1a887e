package com.walletdesk.secrets;

/** A sealed secret could not be opened (no key, another key, or a changed value). Never carries the secret. */
public class SecretUnreadableException extends RuntimeException {

	public SecretUnreadableException(String message) {
		super(message);
	}

}
