package com.walletdesk.transaction.web;

import com.walletdesk.web.ProblemException;

/** IDs in page paths: anything that is not a number is simply not found. */
final class PageIds {

	private PageIds() {
	}

	static long parse(String id, String what) {
		if (id == null || !id.matches("\\d{1,18}")) {
			throw ProblemException.notFound(what);
		}
		return Long.parseLong(id);
	}

}
