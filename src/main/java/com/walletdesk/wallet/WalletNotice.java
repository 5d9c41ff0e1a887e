package com.walletdesk.wallet;

/**
 * A wallet's notification about a refund, verified and read.
 *
 * @param storeIds the stores whose configuration verifies it (one merchant ID may serve several stores):
 * only their refunds may be settled by it
 * @param refundKey our refund's ID as the wallet knows it ({@code out_refund_no} / {@code refundRequestId})
 * @param answer the outcome it reports
 */
public record WalletNotice(java.util.Set<Long> storeIds, String refundKey, WalletAnswer answer) {
}
