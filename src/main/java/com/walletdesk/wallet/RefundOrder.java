package com.walletdesk.wallet;

import java.util.Objects;

import com.walletdesk.money.Money;

/**
 * One refund as a wallet needs it.
 *
 * @param refundKey our refund's ID: the idempotency key at the wallet ({@code out_request_no} /
 * {@code out_refund_no}); the same key is never applied twice
 * @param chargeId our gateway ID of the charge being refunded
 * @param vendorReference the wallet's own ID of the charge ({@code trade_no} / {@code transaction_id})
 * @param method {@code ALP} or {@code WXP}
 * @param storeId the store (the wallet's sub-merchant)
 * @param amount the amount to refund
 * @param chargeAmount the charge's whole amount (WeChat Pay's {@code total_fee} asks for it)
 * @param reason the merchant's reason, passed on to the wallet
 */
public record RefundOrder(String refundKey, String chargeId, String vendorReference, String method, long storeId,
		Money amount, Money chargeAmount, String reason) {

	public RefundOrder {
		Objects.requireNonNull(refundKey, "refundKey");
		Objects.requireNonNull(amount, "amount");
	}

}
