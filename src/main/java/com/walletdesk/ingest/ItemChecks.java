package com.walletdesk.ingest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.money.InvalidAmountException;
import com.walletdesk.money.Money;
import com.walletdesk.transaction.TransactionRow;

/**
 * The checks of one item on its own: shape (400), then device channels, store and currency and
 * amounts (422). Turns a valid item into the row to store (its id null when the channel sent
 * none). Checks across items and against stored rows are {@link IngestService}'s.
 */
final class ItemChecks {

	static final Set<String> DEVICE_CHANNELS = Set.of("PAX", "VERIFONE");

	/** A channel's clock may run a little ahead of ours; beyond this a time is a mistake. */
	static final Duration FUTURE_TOLERANCE = Duration.ofMinutes(5);

	/**
	 * The largest amount (and tip) of one transaction, in minor units: 10,000,000.00 EUR,
	 * 1,000,000,000 JPY. Far above any wallet payment (Alipay and WeChat Pay cap one payment well
	 * below it), and low enough that a store's day totals (BIGINT) could only overflow after
	 * nine billion such payments in one day.
	 */
	static final long MAX_MINOR = 1_000_000_000L;

	private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

	private final Map<Long, MerchantNode> stores;

	private final Clock clock;

	private final IngestProblems problems;

	ItemChecks(Map<Long, MerchantNode> stores, Clock clock, IngestProblems problems) {
		this.stores = stores;
		this.clock = clock;
		this.problems = problems;
	}

	/** The row to store, or null when the item has a problem (recorded in {@code problems}). */
	TransactionRow check(int i, IngestItem item) {
		// device transactions are refused at the door, whatever else they carry
		if (item.channel() != null && DEVICE_CHANNELS.contains(item.channel().strip().toUpperCase(Locale.ROOT))) {
			this.problems.refused(i, "UNSUPPORTED_CHANNEL", "channel",
					"is a card-terminal channel; this dashboard handles Alipay and WeChat Pay app and Pay By Link transactions only");
			return null;
		}
		String id = text(item.id());
		if (id != null && !id.matches("\\d{12}")) {
			this.problems.invalid(i, "id", "must be a 12-digit transaction ID");
		}
		String storeId = text(item.storeId());
		required(i, "storeId", storeId);
		String type = oneOf(i, "type", item.type(), Set.of(TransactionRow.CHARGE, TransactionRow.REFUND));
		String method = oneOf(i, "method", item.method(), Set.of("ALP", "WXP"));
		String channel = oneOf(i, "channel", item.channel(), Set.of("APP", "PAY_BY_LINK"));
		String currency = text(item.currency());
		required(i, "currency", currency);
		required(i, "amount", text(item.amount()));
		Instant createdAt = instant(i, item.createdAt());
		String parentId = text(item.parentId());
		if (TransactionRow.REFUND.equals(type)) {
			if (parentId == null) {
				this.problems.refused(i, "INVALID_PARENT", "parentId", "is required for a refund: the charge it refunds");
			}
			else if (!parentId.matches("\\d{12}")) {
				this.problems.refused(i, "INVALID_PARENT", "parentId", "must be the 12-digit ID of the charge");
			}
		}
		else if (TransactionRow.CHARGE.equals(type) && parentId != null) {
			this.problems.invalid(i, "parentId", "must be empty for a charge");
		}
		String reference = limited(i, "reference", item.reference(), 64);
		String vendorReference = limited(i, "vendorReference", item.vendorReference(), 64);
		String terminalId = limited(i, "terminalId", item.terminalId(), 32);
		String loginCode = limited(i, "loginCode", item.loginCode(), 32);
		String cardNumber = limited(i, "cardNumber", item.cardNumber(), 32);
		String disputeTag = limited(i, "disputeTag", item.disputeTag(), 64);
		String transactionTag = limited(i, "transactionTag", item.transactionTag(), 64);
		if (this.problems.has(i)) {
			return null;
		}

		MerchantNode store = storeId.matches("\\d{1,18}") ? this.stores.get(Long.valueOf(storeId)) : null;
		if (store == null || !store.isStore()) {
			this.problems.refused(i, "UNKNOWN_STORE", "storeId", "is not a store");
			return null;
		}
		if (!store.currency().equals(currency)) {
			this.problems.refused(i, "CURRENCY_MISMATCH", "currency", "must be the store's currency, " + store.currency());
			return null;
		}
		Long amount = amount(i, "amount", item.amount(), currency, false);
		Long tip = item.tip() == null ? Long.valueOf(0) : amount(i, "tip", item.tip(), currency, true);
		if (amount == null || tip == null) {
			return null;
		}
		return new TransactionRow(id, store.id(), type, method, channel, amount, tip, currency, createdAt, reference,
				vendorReference, parentId, terminalId, loginCode, cardNumber, disputeTag, transactionTag, 0, 0);
	}

	private Long amount(int i, String field, String text, String currency, boolean zeroAllowed) {
		try {
			long minor = Money.parseExact(text.strip(), currency).minor();
			if (minor < 0 || (minor == 0 && !zeroAllowed)) {
				this.problems.refused(i, "INVALID_AMOUNT", field, zeroAllowed ? "must not be negative" : "must be greater than 0");
				return null;
			}
			if (minor > MAX_MINOR) {
				this.problems.refused(i, "INVALID_AMOUNT", field,
						"must be at most " + Money.ofMinor(MAX_MINOR, currency).toDecimalString() + " " + currency);
				return null;
			}
			return minor;
		}
		catch (InvalidAmountException ex) {
			this.problems.refused(i, "INVALID_AMOUNT", field, ex.getMessage());
			return null;
		}
	}

	private Instant instant(int i, String text) {
		String value = text(text);
		if (value == null) {
			this.problems.invalid(i, "createdAt", "is required");
			return null;
		}
		try {
			// stored with microseconds; cut here so a re-sent item compares equal to the stored one
			Instant at = Instant.parse(value).truncatedTo(ChronoUnit.MICROS);
			if (at.isAfter(this.clock.instant().plus(FUTURE_TOLERANCE))) {
				this.problems.invalid(i, "createdAt", "must not lie in the future");
				return null;
			}
			if (at.isBefore(EARLIEST)) {
				this.problems.invalid(i, "createdAt", "must not be before 2000");
				return null;
			}
			return at;
		}
		catch (DateTimeParseException ex) {
			this.problems.invalid(i, "createdAt", "must be an ISO-8601 instant such as 2019-09-24T15:41:05Z");
			return null;
		}
	}

	private String oneOf(int i, String field, String text, Set<String> allowed) {
		String value = text(text);
		if (value == null) {
			this.problems.invalid(i, field, "is required");
			return null;
		}
		if (!allowed.contains(value)) {
			this.problems.invalid(i, field, "must be one of " + String.join(", ", allowed.stream().sorted().toList()));
			return null;
		}
		return value;
	}

	private void required(int i, String field, String value) {
		if (value == null) {
			this.problems.invalid(i, field, "is required");
		}
	}

	private String limited(int i, String field, String text, int max) {
		String value = text(text);
		if (value != null && value.length() > max) {
			this.problems.invalid(i, field, "must be at most " + max + " characters");
		}
		return value;
	}

	/** Stripped text, null when absent or blank. */
	static String text(String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}

}
