package com.walletdesk.refund;

/** The refusal codes of API.md "Refunds", and the ones it leaves to us (the Idempotency-Key header). */
public final class RefundCodes {

	public static final String NOT_REFUNDABLE = "NOT_REFUNDABLE";

	public static final String REFUND_EXCEEDS_REMAINING = "REFUND_EXCEEDS_REMAINING";

	public static final String INVALID_AMOUNT = "INVALID_AMOUNT";

	public static final String REASON_REQUIRED = "REASON_REQUIRED";

	public static final String DAILY_BALANCE_EXCEEDED = "DAILY_BALANCE_EXCEEDED";

	public static final String PROVIDER_DECLINED = "PROVIDER_DECLINED";

	public static final String REFUND_NOT_PERMITTED = "REFUND_NOT_PERMITTED";

	public static final String IDEMPOTENCY_KEY_REUSED = "IDEMPOTENCY_KEY_REUSED";

	public static final String REQUEST_IN_PROGRESS = "REQUEST_IN_PROGRESS";

	public static final String IDEMPOTENCY_KEY_REQUIRED = "IDEMPOTENCY_KEY_REQUIRED";

	public static final String IDEMPOTENCY_KEY_TOO_LONG = "IDEMPOTENCY_KEY_TOO_LONG";

	public static final String IDEMPOTENCY_KEY_INVALID = "IDEMPOTENCY_KEY_INVALID";

	/** The exact message of API.md. */
	public static final String DAILY_BALANCE_MESSAGE = "Refund amount is greater than today's overall payment";

	private RefundCodes() {
	}

}
