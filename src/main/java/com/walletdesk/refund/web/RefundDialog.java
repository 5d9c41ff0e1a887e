package com.walletdesk.refund.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import com.walletdesk.merchant.MerchantNode;
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

	static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	/** A fresh dialog: the whole remaining balance, no reason yet. */
	static RefundDialog fresh(TransactionRow charge, MerchantNode store, String idempotencyKey) {
		Money remaining = charge.remainingMoney();
		return of(charge, store, LocalAmount.forInput(remaining, store.displayLocale()), "", idempotencyKey, null);
	}

	static RefundDialog of(TransactionRow charge, MerchantNode store, String amount, String reason,
			String idempotencyKey, String invalidField) {
		Locale locale = store.displayLocale();
		return new RefundDialog(charge.id(), charge.reference(), dateTime(charge, store), charge.remainingMoney().format(locale),
				charge.currency(), amount, reason, idempotencyKey, lookupUrl(store), invalidField);
	}

	static String dateTime(TransactionRow row, MerchantNode store) {
		ZoneId zone = store.zone();
		return LOCAL_TIME.format(row.createdAt().atZone(zone)) + " (" + zone.getId() + ")";
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
