package com.walletdesk.refund;

import java.time.Instant;

import com.walletdesk.money.Money;

/**
 * A dashboard refund as callers show it (the API's refund object, plus the wallet's words).
 *
 * @param transactionId the refund_dashboard transaction; null unless succeeded
 * @param chargeId the charge it refunds (the API's {@code parentId})
 * @param providerMessage why the wallet declined it (failed refunds), else null
 */
public record RefundView(String id, String transactionId, String chargeId, Money amount, String reason,
		RefundState status, String createdBy, Instant createdAt, String providerMessage) {

	static RefundView of(Refund refund) {
		return new RefundView(String.valueOf(refund.id()), refund.transactionId(), refund.chargeId(),
				refund.amountMoney(), refund.reason(), refund.state(), refund.createdBy(), refund.createdAt(),
				refund.providerMessage());
	}

	/** The refund as its first answer reported it (for a replay): a then-pending refund has no transaction yet. */
	static RefundView asAnswered(Refund refund) {
		RefundState answered = refund.answeredState();
		return new RefundView(String.valueOf(refund.id()),
				answered == RefundState.SUCCEEDED ? refund.transactionId() : null, refund.chargeId(),
				refund.amountMoney(), refund.reason(), answered, refund.createdBy(), refund.createdAt(),
				answered == RefundState.FAILED ? refund.providerMessage() : null);
	}

}
