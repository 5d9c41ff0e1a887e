package com.walletdesk.refund.web;

import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.web.Languages;
import com.walletdesk.refund.RefundView;

/** A charge's dashboard refunds as its Refunds dialog lists them, formatted for the store. */
record RefundLines(String chargeId, List<Line> lines, String lookupUrl) {

	/** One refund: who, when (store time), how much, why, and where it stands. */
	record Line(String id, String transactionId, String amount, String reason, String createdBy, String createdAt,
			String status, String providerMessage) {

	}

	static RefundLines of(String chargeId, List<RefundView> refunds, MerchantNode store) {
		Locale locale = Languages.pageFormatting(store.displayLocale());
		ZoneId zone = store.zone();
		return new RefundLines(chargeId, refunds.stream()
			.map(refund -> new Line(refund.id(), refund.transactionId(), refund.amount().format(locale), refund.reason(),
					refund.createdBy(),
					Languages.pageDateTime(refund.createdAt(), zone),
					refund.status().wireName(), refund.providerMessage()))
			.toList(), RefundDialog.lookupUrl(store));
	}

	public boolean isEmpty() {
		return this.lines.isEmpty();
	}

}
