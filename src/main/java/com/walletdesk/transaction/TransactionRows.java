package com.walletdesk.transaction;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Column list and row mapping shared by the query class and the write-side repository. */
final class TransactionRows {

	static final String COLUMNS = "t.id, t.store_id, t.type, t.method, t.channel, t.amount, t.tip, t.currency, "
			+ "t.created_at, t.reference, t.vendor_reference, t.parent_id, t.terminal_id, t.login_code, "
			+ "t.card_number, t.dispute_tag, t.transaction_tag, t.refunded, t.refund_pending";

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

	static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	static OffsetDateTime utc(Instant instant) {
		return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

}
