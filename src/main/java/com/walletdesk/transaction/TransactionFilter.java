package com.walletdesk.transaction;

import java.util.Optional;

import com.walletdesk.web.ProblemException;

/**
 * What a lookup or search asks for, read from the query string and checked: a bad date, a
 * period the wrong way round or too long, a limit out of range or a forged cursor is a 400.
 */
public record TransactionFilter(Optional<Period> period, SearchTerm term, int limit, PageCursor cursor) {

	public static final int DEFAULT_LIMIT = 50;

	public static final int MAX_LIMIT = 500;

	public static TransactionFilter parse(String from, String to, String q, String limit, String cursor) {
		if (q != null && q.strip().length() > SearchTerm.MAX_LENGTH) {
			throw ProblemException.invalidField("INVALID_QUERY", "q",
					"the search may be at most " + SearchTerm.MAX_LENGTH + " characters");
		}
		return new TransactionFilter(Period.parse(from, to), SearchTerm.parse(q), parseLimit(limit),
				PageCursor.decode(cursor));
	}

	private static int parseLimit(String limit) {
		if (limit == null || limit.isBlank()) {
			return DEFAULT_LIMIT;
		}
		try {
			int value = Integer.parseInt(limit.strip());
			if (value >= 1 && value <= MAX_LIMIT) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw ProblemException.invalidField("INVALID_LIMIT", "limit", "must be a whole number from 1 to " + MAX_LIMIT);
	}

}
