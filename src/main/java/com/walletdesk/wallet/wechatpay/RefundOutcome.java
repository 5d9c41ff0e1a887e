package com.walletdesk.wallet.wechatpay;

import com.walletdesk.wallet.WalletAnswer;
import tools.jackson.databind.JsonNode;

/** A WeChat Pay refund's {@code status} as our answer (API.md "Outcome"). */
final class RefundOutcome {

	private RefundOutcome() {
	}

	static WalletAnswer of(JsonNode refund) {
		String id = refund.path("refund_id").asString(refund.path("id").asString(null));
		String status = refund.path("status").asString(refund.path("refund_status").asString(""));
		return of(status, id);
	}

	static WalletAnswer of(String status, String refundId) {
		return switch (status) {
			case "SUCCESS" -> WalletAnswer.succeeded(refundId);
			case "CLOSED" -> WalletAnswer.declined(refundId, words("CLOSED", "WeChat Pay closed the refund"));
			case "ABNORMAL" -> WalletAnswer.abnormal(refundId,
					words("ABNORMAL", "the refund is stuck at WeChat Pay (e.g. the buyer's account); see the merchant portal"));
			case "PROCESSING" -> WalletAnswer.unknown("PROCESSING");
			default -> WalletAnswer.unknown("WeChat Pay refund status '" + status + "'");
		};
	}

	/** The wallet's code and words, as kept on the refund and shown in the dialog. */
	static String words(String code, String message) {
		return message == null || message.isBlank() ? code : code + ": " + message;
	}

}
