package com.walletdesk.refund;

import java.time.Instant;
import java.util.Objects;

import com.walletdesk.money.Money;

/**
 * A dashboard refund: the aggregate that owns its states and the moves between them. It is
 * born {@link RefundState#PENDING} with its amount reserved on the charge, and moves once, to
 * {@link RefundState#SUCCEEDED} (with its refund_dashboard transaction) or to
 * {@link RefundState#FAILED} (with the wallet's words); any other move throws. Separately it
 * records the first answer given to the request that created it, which a repeat of that request
 * (same idempotency key and body) gets again.
 *
 * @param id null until stored; our refund ID, and the idempotency key at the wallet
 * @param amount minor units of {@code currency}
 * @param attempts how many times the reconciler asked the wallet about it
 * @param nextCheckAt when the reconciler may ask next
 * @param answeredState the state the first answer reported; null while the request runs
 * @param answeredRemaining the charge's remaining amount in that answer
 */
record Refund(Long id, long accountId, String createdBy, String idempotencyKey, String fingerprint, String chargeId,
		long storeId, long amount, String currency, String reason, RefundState state, String transactionId,
		String providerReference, String providerMessage, Instant createdAt, Instant settledAt, int attempts,
		Instant nextCheckAt, RefundState answeredState, Long answeredRemaining) {

	Refund {
		Objects.requireNonNull(state, "state");
		if (amount <= 0) {
			throw new IllegalArgumentException("a refund's amount is positive");
		}
		if ((state == RefundState.SUCCEEDED) != (transactionId != null)) {
			throw new IllegalArgumentException("a refund has a transaction exactly when it succeeded");
		}
	}

	/** A new refund, reserved and waiting for the wallet; first checked by the reconciler at {@code firstCheckAt}. */
	static Refund pending(long accountId, String createdBy, String idempotencyKey, String fingerprint,
			String chargeId, long storeId, Money amount, String reason, Instant createdAt, Instant firstCheckAt) {
		return new Refund(null, accountId, createdBy, idempotencyKey, fingerprint, chargeId, storeId, amount.minor(),
				amount.currency().getCurrencyCode(), reason, RefundState.PENDING, null, null, null, createdAt, null, 0,
				firstCheckAt, null, null);
	}

	/** The whole remaining balance, once known (a refund asked for without an amount, not yet answered). */
	Refund withWholeRemaining(long remaining) {
		requirePending("change its amount");
		if (isAnswered()) {
			throw new IllegalRefundMoveException("refund " + this.id + " was already answered");
		}
		return new Refund(this.id, this.accountId, this.createdBy, this.idempotencyKey, this.fingerprint,
				this.chargeId, this.storeId, remaining, this.currency, this.reason, this.state, this.transactionId,
				this.providerReference, this.providerMessage, this.createdAt, this.settledAt, this.attempts,
				this.nextCheckAt, this.answeredState, this.answeredRemaining);
	}

	/** The wallet applied it. */
	Refund succeed(String newTransactionId, String reference, Instant at) {
		requirePending("succeed");
		Objects.requireNonNull(newTransactionId, "transactionId");
		return new Refund(this.id, this.accountId, this.createdBy, this.idempotencyKey, this.fingerprint,
				this.chargeId, this.storeId, this.amount, this.currency, this.reason, RefundState.SUCCEEDED,
				newTransactionId, reference, null, this.createdAt, at, this.attempts, this.nextCheckAt,
				this.answeredState, this.answeredRemaining);
	}

	/** The wallet declined it, in its own words. */
	Refund fail(String message, String reference, Instant at) {
		requirePending("fail");
		return new Refund(this.id, this.accountId, this.createdBy, this.idempotencyKey, this.fingerprint,
				this.chargeId, this.storeId, this.amount, this.currency, this.reason, RefundState.FAILED, null,
				reference, message, this.createdAt, at, this.attempts, this.nextCheckAt, this.answeredState,
				this.answeredRemaining);
	}

	/** Records the first answer given for it (its state now, and the charge's remaining amount). */
	Refund answer(long remaining) {
		if (isAnswered()) {
			throw new IllegalRefundMoveException("refund " + this.id + " was already answered");
		}
		return new Refund(this.id, this.accountId, this.createdBy, this.idempotencyKey, this.fingerprint,
				this.chargeId, this.storeId, this.amount, this.currency, this.reason, this.state, this.transactionId,
				this.providerReference, this.providerMessage, this.createdAt, this.settledAt, this.attempts,
				this.nextCheckAt, this.state, remaining);
	}

	boolean isAnswered() {
		return this.answeredState != null;
	}

	boolean isPending() {
		return this.state == RefundState.PENDING;
	}

	Money amountMoney() {
		return Money.ofMinor(this.amount, this.currency);
	}

	/** The key the wallet knows it by. */
	String walletKey() {
		return String.valueOf(this.id);
	}

	private void requirePending(String move) {
		if (this.state != RefundState.PENDING) {
			throw new IllegalRefundMoveException("refund " + this.id + " cannot " + move + ": it is " + this.state.wireName());
		}
	}

}
