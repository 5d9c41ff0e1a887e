package com.walletdesk.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * The problem {@code code} of an error status raised where no rule of ours chose one (the
 * servlet container, the security firewall, a {@code sendError}): every error answer of the
 * API carries a code, whoever raised it.
 */
final class StatusCodes {

	private static final Map<Integer, String> CODES = Map.ofEntries(Map.entry(400, "MALFORMED_REQUEST"),
			Map.entry(401, "UNAUTHENTICATED"), Map.entry(403, "ACCESS_DENIED"), Map.entry(404, "NOT_FOUND"),
			Map.entry(405, "METHOD_NOT_ALLOWED"), Map.entry(406, "NOT_ACCEPTABLE"), Map.entry(408, "REQUEST_TIMEOUT"),
			Map.entry(413, "PAYLOAD_TOO_LARGE"), Map.entry(414, "URI_TOO_LONG"), Map.entry(415, "UNSUPPORTED_MEDIA_TYPE"),
			Map.entry(429, "TOO_MANY_REQUESTS"), Map.entry(431, "HEADERS_TOO_LARGE"),
			Map.entry(503, "SERVICE_UNAVAILABLE"));

	private StatusCodes() {
	}

	static String code(int status) {
		String code = CODES.get(status);
		if (code != null) {
			return code;
		}
		return status >= 500 ? "INTERNAL_ERROR" : "MALFORMED_REQUEST";
	}

	/** What the answer says in words (never an exception's message: it may carry internals). */
	static String detail(int status) {
		return switch (status) {
			case 400 -> "The request is not valid HTTP this service accepts (path, headers or body)";
			case 401 -> "Sign in, or send an API key";
			case 403 -> "This account may not do this";
			case 404 -> "Nothing here";
			case 413 -> "The request body is too large";
			case 414 -> "The request's address is too long";
			case 431 -> "The request's headers are too large";
			default -> {
				HttpStatus known = HttpStatus.resolve(status);
				yield status >= 500 ? "Something went wrong on our side"
						: known != null ? known.getReasonPhrase() : "The request is not valid";
			}
		};
	}

}
