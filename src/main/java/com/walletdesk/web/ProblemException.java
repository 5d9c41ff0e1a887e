package com.walletdesk.web;

import java.util.Map;

import org.springframework.http.HttpStatus;

/**
 * A refusal every module may throw: rendered as RFC 9457 problem JSON on the API (with
 * {@code code} and, for validation, {@code fields}) and as a message in words on a page.
 * The message is written for a person; it never carries internals.
 */
public class ProblemException extends RuntimeException {

	private final HttpStatus status;

	private final String code;

	private final Map<String, String> fields;

	public ProblemException(HttpStatus status, String code, String message) {
		this(status, code, message, Map.of());
	}

	public ProblemException(HttpStatus status, String code, String message, Map<String, String> fields) {
		super(message, null, false, false);
		this.status = status;
		this.code = code;
		this.fields = Map.copyOf(fields);
	}

	public static ProblemException badRequest(String code, String message) {
		return new ProblemException(HttpStatus.BAD_REQUEST, code, message);
	}

	public static ProblemException invalidField(String code, String field, String message) {
		return new ProblemException(HttpStatus.BAD_REQUEST, code, message, Map.of(field, message));
	}

	/** 400 {@code VALIDATION_FAILED}: the fields named, each with what is wrong with it. */
	public static ProblemException validation(Map<String, String> fields) {
		return new ProblemException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Some fields are not valid", fields);
	}

	/** {@link #validation(Map)} for one field. */
	public static ProblemException validation(String field, String message) {
		return validation(Map.of(field, message));
	}

	/** Unknown, or outside the caller's scope: the two are never told apart. */
	public static ProblemException notFound(String what) {
		return new ProblemException(HttpStatus.NOT_FOUND, "NOT_FOUND", what + " not found");
	}

	public static ProblemException forbidden(String code, String message) {
		return new ProblemException(HttpStatus.FORBIDDEN, code, message);
	}

	public static ProblemException conflict(String code, String message) {
		return new ProblemException(HttpStatus.CONFLICT, code, message);
	}

	public static ProblemException unprocessable(String code, String message) {
		return new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, code, message);
	}

	public HttpStatus status() {
		return this.status;
	}

	public String code() {
		return this.code;
	}

	public Map<String, String> fields() {
		return this.fields;
	}

}
