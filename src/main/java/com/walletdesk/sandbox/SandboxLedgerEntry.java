package com.walletdesk.sandbox;

import java.time.Instant;

/**
 * One refund key as the sandbox wallet recorded it: the first result it gave for that key, and
 * how many requests with that key reached it.
 */
public record SandboxLedgerEntry(String refundKey, String chargeId, long storeId, long amountMinor, String currency,
		Status status, String providerReference, String message, int requests, Instant receivedAt) {

	public enum Status {

		SUCCEEDED, DECLINED

	}

	public boolean applied() {
		return this.status == Status.SUCCEEDED;
	}

}
