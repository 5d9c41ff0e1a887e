package com.walletdesk.wallet;

/**
 * What a wallet said about a refund.
 *
 * @param providerReference the wallet's own ID of the refund, when it has one
 * @param message the wallet's words (a decline's reason; why an answer is unknown)
 */
public record WalletAnswer(Status status, String providerReference, String message) {

	public enum Status {

		/** The wallet applied the refund. */
		SUCCEEDED,
		/** The wallet refused it, definitely; nothing was applied. */
		DECLINED,
		/** Only from a query: the wallet has no refund with this key. */
		NOT_FOUND,
		/** No definite answer (time-out, network, wallet error): ask again later. */
		UNKNOWN,
		/**
		 * The wallet says the refund is stuck on its side (WeChat Pay {@code ABNORMAL}, e.g. the
		 * buyer's account closed): it stays pending and is flagged for an operator, never released
		 * by itself.
		 */
		ABNORMAL

	}

	public static WalletAnswer succeeded(String providerReference) {
		return new WalletAnswer(Status.SUCCEEDED, providerReference, null);
	}

	public static WalletAnswer declined(String providerReference, String message) {
		return new WalletAnswer(Status.DECLINED, providerReference, message);
	}

	public static WalletAnswer notFound() {
		return new WalletAnswer(Status.NOT_FOUND, null, null);
	}

	public static WalletAnswer unknown(String why) {
		return new WalletAnswer(Status.UNKNOWN, null, why);
	}

	public static WalletAnswer abnormal(String providerReference, String message) {
		return new WalletAnswer(Status.ABNORMAL, providerReference, message);
	}

	public boolean isDefinite() {
		return this.status == Status.SUCCEEDED || this.status == Status.DECLINED;
	}

}
