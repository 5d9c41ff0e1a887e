package com.walletdesk.refund.web;

import java.time.ZoneId;
import java.util.Locale;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.web.Languages;
import com.walletdesk.money.Money;
import com.walletdesk.transaction.TransactionRow;

/**
 * What the Confirm Refund dialog shows and sends back: the charge, what remains of it (formatted
 * for the store, and again as the editable amount), the reason as typed, and this dialog's own
 * idempotency key (one per dialog, so clicking twice or submitting again refunds once).
 *
 * @param amount the Refund Amount field: the whole remaining balance at first, else as typed
 * @param invalidField the field a refusal points at ({@code amount} or {@code reason}), else null
 */
record RefundDialog(String chargeId, String reference, String dateTime, String remaining, String currency,
		String amount, String reason, String idempotencyKey, String lookupUrl, String invalidField) {


	/** A fresh dialog: the whole remaining balance, no reason yet. */
	static RefundDialog fresh(TransactionRow charge, MerchantNode store, String idempotencyKey) {
		Money remaining = charge.remainingMoney();
		return of(charge, store, LocalAmount.forInput(remaining, Languages.pageFormatting(store.displayLocale())), "", idempotencyKey, null);
	}

	static RefundDialog of(TransactionRow charge, MerchantNode store, String amount, String reason,
			String idempotencyKey, String invalidField) {
		Locale locale = Languages.pageFormatting(store.displayLocale());
		return new RefundDialog(charge.id(), charge.reference(), dateTime(charge, store), charge.remainingMoney().format(locale),
				charge.currency(), amount, reason, idempotencyKey, lookupUrl(store), invalidField);
	}

	static String dateTime(TransactionRow row, MerchantNode store) {
		ZoneId zone = store.zone();
		return Languages.pageDateTime(row.createdAt(), zone);
	}

	static String lookupUrl(MerchantNode store) {
		return "/stores/" + store.id() + "/transactions";
	}

	public boolean isAmountInvalid() {
		return "amount".equals(this.invalidField);
	}

	public boolean isReasonInvalid() {
		return "reason".equals(this.invalidField);
	}

}
