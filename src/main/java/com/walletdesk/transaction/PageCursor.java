package com.walletdesk.transaction;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.walletdesk.web.ProblemException;

/**
 * A keyset position in "newest first" order: the (createdAt, id) of a row and which way to
 * read from it. Opaque to clients; a cursor that does not decode is refused with 400.
 */
public record PageCursor(Instant createdAt, String id, Direction direction) {

	public enum Direction {

		/** Rows older than the position (the next page). */
		OLDER,
		/** Rows newer than the position (the previous page). */
		NEWER

	}

	private static final Pattern FORM = Pattern.compile("v1:([on]):(-?\\d{1,19}):(\\d{12})");

	/** Positions outside 2000..2999 are never issued; refusing them keeps absurd instants away from SQL. */
	private static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

	private static final Instant LATEST = Instant.parse("3000-01-01T00:00:00Z");

	private static final int MAX_LENGTH = 100;

	String encode() {
		long micros = Math.addExact(Math.multiplyExact(this.createdAt.getEpochSecond(), 1_000_000L),
				this.createdAt.getNano() / 1_000);
		String raw = "v1:" + (this.direction == Direction.OLDER ? "o" : "n") + ":" + micros + ":" + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
	}

	static PageCursor decode(String cursor) {
		if (cursor == null || cursor.isBlank()) {
			return null;
		}
		if (cursor.length() > MAX_LENGTH) {
			throw invalid();
		}
		try {
			String raw = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII);
			Matcher m = FORM.matcher(raw);
			if (!m.matches()) {
				throw invalid();
			}
			long micros = Long.parseLong(m.group(2));
			Instant at = Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000L), Math.floorMod(micros, 1_000_000L) * 1_000L);
			if (at.isBefore(EARLIEST) || !at.isBefore(LATEST)) {
				throw invalid();
			}
			return new PageCursor(at, m.group(3), m.group(1).equals("o") ? Direction.OLDER : Direction.NEWER);
		}
		catch (IllegalArgumentException | ArithmeticException ex) {
			throw invalid();
		}
	}

	private static ProblemException invalid() {
		return ProblemException.invalidField("INVALID_CURSOR", "cursor", "the cursor is not one this server issued");
	}

}
