package com.walletdesk.refund.web;

import com.walletdesk.refund.RefundView;

/**
 * A refund in the API's shape (API.md "Refunds"): IDs and money as strings, {@code parentId}
 * is the charge, {@code transactionId} the refund_dashboard transaction (null until succeeded).
 */
record RefundJson(String id, String transactionId, String parentId, String amount, String currency, String reason,
		String status, String createdBy, String createdAt) {

	static RefundJson of(RefundView refund) {
		return new RefundJson(refund.id(), refund.transactionId(), refund.chargeId(), refund.amount().toDecimalString(),
				refund.amount().currency().getCurrencyCode(), refund.reason(), refund.status().wireName(),
				refund.createdBy(), refund.createdAt().toString());
	}

}
