package com.walletdesk.admin.web;

import java.util.Locale;

import com.walletdesk.account.UserDirectory.UserQuery;
import com.walletdesk.account.Role;
import com.walletdesk.web.ProblemException;
import com.walletdesk.web.RequestParams;

/** The user list's filters as the API and the console page both read them from the query string. */
final class UserFilters {

	static final int DEFAULT_LIMIT = 50;

	static final int MAX_LIMIT = 500;

	private UserFilters() {
	}

	static UserQuery parse(String q, String scopeId, String role, String locked, String canRefund, String limit,
			String cursor) {
		return new UserQuery(q, scope(scopeId), role(role), flag("locked", locked), flag("canRefund", canRefund),
				RequestParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT), cursor);
	}

	private static Long scope(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		if (!value.strip().matches("\\d{1,18}")) {
			throw ProblemException.validation("scopeId", "must be a merchant id such as 42");
		}
		return Long.valueOf(value.strip());
	}

	private static Role role(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Role.valueOf(value.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.validation("role", "must be OPERATOR or MERCHANT");
		}
	}

	/** true, false, or blank (any). */
	private static Boolean flag(String name, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return switch (value.strip()) {
			case "true" -> Boolean.TRUE;
			case "false" -> Boolean.FALSE;
			default -> throw ProblemException.validation(name, "must be true or false");
		};
	}

}
