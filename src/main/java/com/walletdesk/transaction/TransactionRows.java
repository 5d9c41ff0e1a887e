package com.walletdesk.transaction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.stream.Collectors;

import static com.walletdesk.jdbc.Columns.instant;
import static com.walletdesk.jdbc.Columns.utc;

/** Column list and row mapping shared by the query class and the write-side repository. */
final class TransactionRows {

	/** The columns {@link #map} reads, for JDBC to return from an UPDATE (as generated keys). */
	static final String[] NAMES = { "id", "store_id", "type", "method", "channel", "amount", "tip", "currency",
			"created_at", "reference", "vendor_reference", "parent_id", "terminal_id", "login_code", "card_number",
			"dispute_tag", "transaction_tag", "refunded", "refund_pending" };

	/** The same columns of the table aliased {@code t}, for a SELECT. */
	static final String COLUMNS = Arrays.stream(NAMES).map(name -> "t." + name).collect(Collectors.joining(", "));

	private TransactionRows() {
	}

	static TransactionRow map(ResultSet rs, int row) throws SQLException {
		return new TransactionRow(rs.getString("id"), rs.getLong("store_id"), rs.getString("type"),
				rs.getString("method"), rs.getString("channel"), rs.getLong("amount"), rs.getLong("tip"),
				rs.getString("currency").trim(), instant(rs, "created_at"), rs.getString("reference"),
				rs.getString("vendor_reference"), rs.getString("parent_id"), rs.getString("terminal_id"),
				rs.getString("login_code"), rs.getString("card_number"), rs.getString("dispute_tag"),
				rs.getString("transaction_tag"), rs.getLong("refunded"), rs.getLong("refund_pending"));
	}

}
