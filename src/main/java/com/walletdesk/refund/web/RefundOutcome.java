package com.walletdesk.refund.web;

import java.util.Locale;

import com.walletdesk.refund.RefundResult;

/**
 * The banner after an accepted refund: succeeded (blue "Refund Successful") or pending (being
 * confirmed with the wallet), with the amounts formatted for the store.
 *
 * @param transactionId the new refund_dashboard transaction; null while pending
 * @param replayed the same confirmation was sent again and answered as the first time
 */
record RefundOutcome(boolean pending, String chargeId, String transactionId, String amount, String remaining,
		boolean replayed, String lookupUrl) {

	static RefundOutcome of(RefundResult result, Locale locale, String lookupUrl) {
		return new RefundOutcome(result.isPending(), result.refund().chargeId(), result.refund().transactionId(),
				result.refund().amount().format(locale), result.remaining().format(locale), result.replayed(), lookupUrl);
	}

}
