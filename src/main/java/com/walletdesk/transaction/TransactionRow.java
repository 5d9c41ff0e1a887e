package com.walletdesk.transaction;

import java.time.Instant;

import com.walletdesk.money.Money;

/**
 * One row of the transaction table as the dashboard shows it. Amounts are minor units of
 * {@code currency}; for charges, {@code refunded} and {@code refundPending} are the sums of
 * its succeeded and pending refunds of either kind.
 */
public record TransactionRow(String id, long storeId, String type, String method, String channel, long amount,
		long tip, String currency, Instant createdAt, String reference, String vendorReference, String parentId,
		String terminalId, String loginCode, String cardNumber, String disputeTag, String transactionTag,
		long refunded, long refundPending) {

	public static final String CHARGE = "charge";

	public static final String REFUND = "refund";

	public static final String REFUND_DASHBOARD = "refund_dashboard";

	public boolean isCharge() {
		return CHARGE.equals(this.type);
	}

	/** For charges: the amount minus its succeeded and pending refunds; null for refunds. */
	public Long remaining() {
		return isCharge() ? this.amount - this.refunded - this.refundPending : null;
	}

	public Money amountMoney() {
		return Money.ofMinor(this.amount, this.currency);
	}

	public Money tipMoney() {
		return Money.ofMinor(this.tip, this.currency);
	}

	public Money remainingMoney() {
		Long remaining = remaining();
		return remaining == null ? null : Money.ofMinor(remaining, this.currency);
	}

}
