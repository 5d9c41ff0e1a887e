package com.walletdesk.jdbc;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * How Walletdesk's values meet its columns, the same on H2 and PostgreSQL: instants are stored
 * as {@code TIMESTAMP WITH TIME ZONE} in UTC, and text is cut to its column's length where the
 * input may be longer (what the wallet or a request said).
 */
public final class Columns {

	private Columns() {
	}

	/** An instant as a parameter of a {@code TIMESTAMP WITH TIME ZONE} column; null stays null. */
	public static OffsetDateTime utc(Instant instant) {
		return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
	}

	/** A {@code TIMESTAMP WITH TIME ZONE} column as an instant; null when the column is. */
	public static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return value == null ? null : value.toInstant();
	}

	/** The text cut to {@code max} characters, to fit its column; null stays null. */
	public static String truncate(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max);
	}

}
