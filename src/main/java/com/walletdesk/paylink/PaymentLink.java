package com.walletdesk.paylink;

import java.time.Instant;
import java.util.List;

import com.walletdesk.money.Money;

/**
 * A payment link as stored. {@code storedStatus} is what was decided (active, paid, cancelled);
 * {@link #status(Instant)} adds "expired", which is only time passing over an active link.
 */
public record PaymentLink(long id, long storeId, String token, String reference, long amount, String currency,
		String description, List<String> methods, String storedStatus, Instant expiresAt, String createdBy,
		Instant createdAt, Instant paidAt, String paidTransactionId, Instant cancelledAt) {

	public static final String ACTIVE = "active";

	public static final String PAID = "paid";

	public static final String CANCELLED = "cancelled";

	public static final String EXPIRED = "expired";

	public static final List<String> STATUSES = List.of(ACTIVE, PAID, CANCELLED, EXPIRED);

	/** The status as of {@code now}: an active link past its expiry is expired. */
	public String status(Instant now) {
		return ACTIVE.equals(this.storedStatus) && !now.isBefore(this.expiresAt) ? EXPIRED : this.storedStatus;
	}

	/** Whether it takes a payment (and may be cancelled) at {@code now}. */
	public boolean isOpen(Instant now) {
		return ACTIVE.equals(status(now));
	}

	public Money amountMoney() {
		return Money.ofMinor(this.amount, this.currency);
	}

}
