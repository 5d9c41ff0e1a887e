package com.walletdesk.transaction;

import java.util.Optional;

import com.walletdesk.web.ProblemException;
import com.walletdesk.web.RequestParams;

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
		return new TransactionFilter(Period.parse(from, to), SearchTerm.parse(q),
				RequestParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT), PageCursor.decode(cursor));
	}

}
