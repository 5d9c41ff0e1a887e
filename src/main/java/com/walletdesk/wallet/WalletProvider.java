package com.walletdesk.wallet;

/**
 * The port to a wallet (Alipay, WeChat Pay, or the sandbox). Every call carries our refund's
 * own ID as the provider-side idempotency key ({@link RefundOrder#refundKey()}: Alipay's
 * {@code out_request_no}, WeChat Pay's {@code out_refund_no}), so sending the same refund twice
 * is safe: a wallet applies one key at most once and answers a repeat with the first result.
 *
 * <p>Adapters may block and may throw; {@link WalletService} bounds every call with a timeout
 * and turns anything but a definite answer into {@link WalletAnswer.Status#UNKNOWN}.
 */
public interface WalletProvider {

	/** Asks the wallet to refund. A definite answer is SUCCEEDED or DECLINED. */
	WalletAnswer refund(RefundOrder order);

	/** Asks the wallet what became of a refund sent earlier: its result, or NOT_FOUND. */
	WalletAnswer queryRefund(RefundOrder order);

}
