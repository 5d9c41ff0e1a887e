package com.walletdesk.refund;

import java.util.Map;

import com.walletdesk.money.Money;
import com.walletdesk.web.ProblemException;

import org.springframework.http.HttpStatus;

/**
 * The answer to one refund request, for the API and the page alike. Either accepted
 * ({@code 201}: succeeded or pending, with the refund and the charge's remaining amount) or
 * refused (status and code of API.md, a message for people, the fields at fault).
 *
 * @param replayed true when this repeats the first answer to the same idempotency key and body
 */
public record RefundResult(HttpStatus status, String code, String message, Map<String, String> fields,
		RefundView refund, Money remaining, boolean replayed) {

	static RefundResult accepted(RefundView refund, Money remaining, boolean replayed) {
		return new RefundResult(HttpStatus.CREATED, null, null, Map.of(), refund, remaining, replayed);
	}

	static RefundResult refused(ProblemException refusal, boolean replayed) {
		return new RefundResult(refusal.status(), refusal.code(), refusal.getMessage(), refusal.fields(), null, null,
				replayed);
	}

	/** The first answer recorded for a refund: accepted (succeeded or pending) or declined by the wallet. */
	static RefundResult firstAnswer(Refund refund, boolean replayed) {
		if (refund.answeredState() == RefundState.FAILED) {
			return refused(new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, RefundCodes.PROVIDER_DECLINED,
					refund.providerMessage()), replayed);
		}
		return accepted(RefundView.asAnswered(refund), Money.ofMinor(refund.answeredRemaining(), refund.currency()),
				replayed);
	}

	/** Succeeded or pending: the refund exists and its amount is refunded or reserved. */
	public boolean isAccepted() {
		return this.status == HttpStatus.CREATED;
	}

	public boolean isSucceeded() {
		return isAccepted() && this.refund.status() == RefundState.SUCCEEDED;
	}

	public boolean isPending() {
		return isAccepted() && this.refund.status() == RefundState.PENDING;
	}

	/** The message key of a refusal in the refund bundle ({@code refund.error.<CODE>}); null when accepted. */
	public String messageKey() {
		return this.code == null ? null : "refund.error." + this.code;
	}

}
