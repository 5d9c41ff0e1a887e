package com.walletdesk.refund.web;

import java.util.List;

import com.walletdesk.refund.RefundCodes;
import com.walletdesk.refund.RefundResult;
import com.walletdesk.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * A refusal told in words: the message key {@code refund.error.<CODE>} of the refund bundle
 * (with the wallet's own words for {@code PROVIDER_DECLINED}), or else the service's message.
 *
 * @param resetsAt for {@code DAILY_BALANCE_EXCEEDED}: when the China day starts again, in the
 * store's time; else null
 * @param read the refusal of a read (a charge's refunds), not of a refund
 */
record RefundRefusal(HttpStatus status, String code, String fallback, List<String> args, String resetsAt,
		boolean read) {

	static RefundRefusal of(RefundResult result) {
		return of(result.status(), result.code(), result.message());
	}

	static RefundRefusal of(ProblemException ex) {
		return of(ex.status(), ex.code(), ex.getMessage());
	}

	static RefundRefusal of(HttpStatus status, String code, String message) {
		List<String> args = RefundCodes.PROVIDER_DECLINED.equals(code) ? List.of(message == null ? "" : message)
				: List.of();
		return new RefundRefusal(status, code, message, args, null, false);
	}

	static RefundRefusal unexpected() {
		return new RefundRefusal(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR",
				"Something went wrong on our side", List.of(), null, false);
	}

	RefundRefusal resettingAt(String when) {
		return new RefundRefusal(this.status, this.code, this.fallback, this.args, when, this.read);
	}

	/** The same words for a read (a charge's refunds): no refund was asked, so none was "not made". */
	RefundRefusal reading() {
		return new RefundRefusal(this.status, this.code, this.fallback, this.args, this.resetsAt, true);
	}

	public String key() {
		return "refund.error." + this.code;
	}

	/**
	 * "Refund not made", except when it may still happen (a first request still running, or a
	 * failure after which reconciliation settles it): "not confirmed yet"; for a read, "cannot be
	 * shown".
	 */
	public String headlineKey() {
		if (this.read) {
			return "refunds.unavailable";
		}
		return RefundCodes.REQUEST_IN_PROGRESS.equals(this.code) || "INTERNAL_ERROR".equals(this.code)
				? "refund.unconfirmed" : "refund.refused";
	}

	/**
	 * Nothing the dialog could change would help (gone, not allowed, nothing left): it offers
	 * only Close.
	 */
	public boolean isFinal() {
		return this.status == HttpStatus.NOT_FOUND || this.status == HttpStatus.FORBIDDEN
				|| RefundCodes.NOT_REFUNDABLE.equals(this.code);
	}

}
