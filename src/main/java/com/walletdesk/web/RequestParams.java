package com.walletdesk.web;

import java.util.regex.Pattern;

/**
 * Parameters every listing and path takes the same way: IDs in paths (anything that is not one
 * is simply not found) and the page size ({@code INVALID_LIMIT} outside its range).
 */
public final class RequestParams {

	private static final Pattern DIGITS = Pattern.compile("\\d{1,18}");

	private RequestParams() {
	}

	/** An ID of 1 to 18 digits; anything else answers 404 for {@code what}. */
	public static long pathId(String id, String what) {
		if (id == null || !DIGITS.matcher(id).matches()) {
			throw ProblemException.notFound(what);
		}
		return Long.parseLong(id);
	}

	/** Any long, signs included (what {@link Long#parseLong} takes); anything else answers 404. */
	public static long numericId(String id, String what) {
		try {
			return Long.parseLong(id);
		}
		catch (NumberFormatException ex) {
			throw ProblemException.notFound(what);
		}
	}

	/** The page size: {@code defaultLimit} when blank, else a whole number from 1 to {@code max}. */
	public static int limit(String limit, int defaultLimit, int max) {
		if (limit == null || limit.isBlank()) {
			return defaultLimit;
		}
		try {
			int value = Integer.parseInt(limit.strip());
			if (value >= 1 && value <= max) {
				return value;
			}
		}
		catch (NumberFormatException ex) {
			// answered below
		}
		throw ProblemException.invalidField("INVALID_LIMIT", "limit", "must be a whole number from 1 to " + max);
	}

}
