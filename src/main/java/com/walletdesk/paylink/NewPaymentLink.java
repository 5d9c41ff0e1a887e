package com.walletdesk.paylink;

import java.util.List;

/**
 * A payment link as asked for, every value still as sent (null when absent):
 * {@link PaymentLinkRules} checks it. {@code expiresAt} is an ISO-8601 instant.
 */
public record NewPaymentLink(String amount, String currency, String reference, String description, String expiresAt,
		List<String> methods) {
}
