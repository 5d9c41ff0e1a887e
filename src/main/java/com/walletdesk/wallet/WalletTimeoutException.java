package com.walletdesk.wallet;

/**
 * The wallet did not answer in time. Whether it applied the refund is unknown: the refund stays
 * pending until a query settles it.
 */
public class WalletTimeoutException extends RuntimeException {

	public WalletTimeoutException(String message) {
		super(message);
	}

}
