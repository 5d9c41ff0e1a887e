package com.walletdesk.refund;

/**
 * What a merchant asks for, as sent (checked by {@link RefundService}, never trusted here).
 *
 * @param amount a decimal string in the charge's currency ({@code "12.34"}, {@code "1200"} JPY);
 * null for the whole remaining balance
 * @param reason required, 1 to 255 characters after trimming
 */
public record RefundCommand(String amount, String reason) {

	public static RefundCommand wholeRemaining(String reason) {
		return new RefundCommand(null, reason);
	}

}
