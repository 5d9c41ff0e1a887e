package com.walletdesk.ingest;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The columns of a transaction CSV file: the export's (API.md "Export and totals"), which the
 * import reads back, with the ingestion field each one fills. {@code Store ID} may stand for
 * {@code Location} and {@code Store Name}. The export's bookkeeping columns (the local time, the
 * amounts refunded and remaining) are derived from the others here, so they are read past.
 */
public final class ImportColumns {

	public static final String LOCATION = "Location";

	public static final String STORE_NAME = "Store Name";

	public static final String STORE_ID = "Store ID";

	/** The export's header, in its order. */
	public static final List<String> EXPORT = List.of(LOCATION, STORE_NAME, "Transaction ID", "Parent Transaction ID",
			"Reference", "Date/Time", "Time Zone", "Transaction Type", "Payment Method", "Channel", "Card Number",
			"Vendor Reference", "Total", "Refunded", "Remaining", "Tip", "Currency", "Login Code", "Dispute Tag",
			"Transaction Tag", "Terminal ID", "Created At");

	/** Column -> ingestion field ({@link IngestItem#FIELDS}). */
	static final Map<String, String> FIELD_OF = fields();

	/** Columns read past: shown by the export, computed here. */
	static final Set<String> DERIVED = Set.of("Date/Time", "Time Zone", "Refunded", "Remaining");

	/** Columns a file must have (besides the store's). */
	static final List<String> REQUIRED = List.of("Transaction Type", "Payment Method", "Channel", "Total", "Currency",
			"Created At");

	private ImportColumns() {
	}

	private static Map<String, String> fields() {
		Map<String, String> fields = new LinkedHashMap<>();
		fields.put(STORE_ID, "storeId");
		fields.put("Transaction ID", "id");
		fields.put("Parent Transaction ID", "parentId");
		fields.put("Reference", "reference");
		fields.put("Transaction Type", "type");
		fields.put("Payment Method", "method");
		fields.put("Channel", "channel");
		fields.put("Card Number", "cardNumber");
		fields.put("Vendor Reference", "vendorReference");
		fields.put("Total", "amount");
		fields.put("Tip", "tip");
		fields.put("Currency", "currency");
		fields.put("Login Code", "loginCode");
		fields.put("Dispute Tag", "disputeTag");
		fields.put("Transaction Tag", "transactionTag");
		fields.put("Terminal ID", "terminalId");
		fields.put("Created At", "createdAt");
		return Map.copyOf(fields);
	}

	/** The column a field's problem is reported on: the store's is the name column unless IDs were given. */
	static String columnOf(String field, boolean byStoreId) {
		if ("storeId".equals(field)) {
			return byStoreId ? STORE_ID : STORE_NAME;
		}
		for (Map.Entry<String, String> entry : FIELD_OF.entrySet()) {
			if (entry.getValue().equals(field)) {
				return entry.getKey();
			}
		}
		return field;
	}

	/**
	 * A text cell as written: the export puts {@code '} before a cell a spreadsheet would read as a
	 * formula ({@code = + - @}, tab, carriage return), and that mark is taken off again here.
	 */
	static String unquoted(String cell) {
		if (cell != null && cell.length() > 1 && cell.charAt(0) == '\'') {
			char next = cell.charAt(1);
			if (next == '=' || next == '+' || next == '-' || next == '@' || next == '\t' || next == '\r') {
				return cell.substring(1);
			}
		}
		return cell;
	}

}
