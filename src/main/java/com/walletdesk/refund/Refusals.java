package com.walletdesk.refund;

import com.walletdesk.money.Money;
import com.walletdesk.web.ProblemException;

/** The refund module's refusals (status, code of {@link RefundCodes}, message), each written once. */
final class Refusals {

	private Refusals() {
	}

	static ProblemException notRefundable() {
		return ProblemException.unprocessable(RefundCodes.NOT_REFUNDABLE,
				"This transaction cannot be refunded: it is not a charge, or nothing remains of it");
	}

	/** The store's wallet cannot refund this charge at all (e.g. Antom without the wallet's payment ID). */
	static ProblemException notRefundable(String why) {
		return ProblemException.unprocessable(RefundCodes.NOT_REFUNDABLE, why);
	}

	static ProblemException notPermitted() {
		return ProblemException.forbidden(RefundCodes.REFUND_NOT_PERMITTED,
				"This account may not refund; ask your administrator for the refund privilege");
	}

	static ProblemException exceedsRemaining(Money remaining) {
		return ProblemException.unprocessable(RefundCodes.REFUND_EXCEEDS_REMAINING,
				"The refund amount is greater than what remains of the charge (" + remaining + ")");
	}

	static ProblemException dailyBalanceExceeded() {
		return ProblemException.unprocessable(RefundCodes.DAILY_BALANCE_EXCEEDED, RefundCodes.DAILY_BALANCE_MESSAGE);
	}

	static ProblemException keyReused() {
		return ProblemException.unprocessable(RefundCodes.IDEMPOTENCY_KEY_REUSED,
				"This Idempotency-Key was already used for a different refund request");
	}

	static ProblemException inProgress() {
		return ProblemException.conflict(RefundCodes.REQUEST_IN_PROGRESS,
				"A refund with this Idempotency-Key is still being processed; ask again in a moment");
	}

}
