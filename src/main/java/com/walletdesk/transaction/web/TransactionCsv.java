package com.walletdesk.transaction.web;

import java.io.IOException;
import java.io.Writer;
import java.time.ZoneId;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.money.Money;
import com.walletdesk.transaction.TransactionExports;
import com.walletdesk.transaction.TransactionRow;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * An export as API.md's CSV: RFC 4180, the header row first, one record per transaction in the
 * API's values (type and method codes, plain decimal amounts, local time and the ISO instant),
 * so that the import reads it back. Text that a spreadsheet would take for a formula is
 * defused with a leading apostrophe.
 */
final class TransactionCsv {

	static final String[] HEADER = { "Location", "Store Name", "Transaction ID", "Parent Transaction ID", "Reference",
			"Date/Time", "Time Zone", "Transaction Type", "Payment Method", "Channel", "Card Number", "Vendor Reference",
			"Total", "Refunded", "Remaining", "Tip", "Currency", "Login Code", "Dispute Tag", "Transaction Tag",
			"Terminal ID", "Created At" };

	private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setHeader(HEADER).get();

	private TransactionCsv() {
	}

	/** Writes the header and every row of the export; flushes after the header so the file starts at once. */
	static void write(TransactionExports.Export export, Writer out) throws IOException {
		CSVPrinter csv = new CSVPrinter(out, FORMAT);
		csv.flush();
		export.forEach(row -> csv.printRecord(record(export, row)));
		csv.flush();
	}

	static Object[] record(TransactionExports.Export export, TransactionRow row) {
		MerchantNode store = export.store(row);
		ZoneId zone = store.zone();
		Money remaining = row.remainingMoney();
		return new Object[] { text(export.location(row)), text(store.name()), row.id(), row.parentId(),
				text(row.reference()), TransactionItem.LOCAL_TIME.format(row.createdAt().atZone(zone)), zone.getId(),
				row.type(), row.method(), row.channel(), text(row.cardNumber()), text(row.vendorReference()),
				row.amountMoney().toDecimalString(),
				row.isCharge() ? Money.ofMinor(row.refunded(), row.currency()).toDecimalString() : null,
				remaining == null ? null : remaining.toDecimalString(), row.tipMoney().toDecimalString(), row.currency(),
				text(row.loginCode()), text(row.disputeTag()), text(row.transactionTag()), text(row.terminalId()),
				row.createdAt().toString() };
	}

	/**
	 * A text cell as a spreadsheet may safely open it: one starting with {@code = + - @}, a tab or
	 * a carriage return would be read as a formula, so it gets a leading {@code '} (API.md).
	 */
	static String text(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + value : value;
	}

}
