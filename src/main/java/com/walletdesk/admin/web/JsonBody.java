package com.walletdesk.admin.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import com.walletdesk.web.ProblemException;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;

/**
 * Reads an administration request body field by field. An unknown field (a typo, or something
 * that cannot be changed such as a role) or a value of the wrong type is refused with 400 and
 * the field named, rather than silently ignored.
 */
final class JsonBody {

	private final JsonNode body;

	private final Map<String, String> errors = new LinkedHashMap<>();

	private JsonBody(JsonNode body, Set<String> allowed) {
		this.body = body;
		for (String name : body.propertyNames()) {
			if (!allowed.contains(name)) {
				this.errors.put(name, "is not a field of this request");
			}
		}
	}

	static JsonBody of(JsonNode body, Set<String> allowed) {
		if (body == null || !body.isObject()) {
			throw ProblemException.badRequest("MALFORMED_REQUEST", "The request body must be a JSON object");
		}
		return new JsonBody(body, allowed);
	}

	/** Whether the field was sent with a value other than null. */
	boolean has(String name) {
		JsonNode value = this.body.get(name);
		return value != null && !value.isNull();
	}

	String string(String name) {
		if (!has(name)) {
			return null;
		}
		JsonNode value = this.body.get(name);
		if (!value.isString()) {
			this.errors.put(name, "must be a string");
			return null;
		}
		return value.stringValue();
	}

	Boolean bool(String name) {
		if (!has(name)) {
			return null;
		}
		JsonNode value = this.body.get(name);
		if (!value.isBoolean()) {
			this.errors.put(name, "must be true or false");
			return null;
		}
		return value.booleanValue();
	}

	/** A merchant or account id: a string of digits (API.md), or a whole JSON number. */
	Long id(String name) {
		if (!has(name)) {
			return null;
		}
		JsonNode value = this.body.get(name);
		if (value.isIntegralNumber() && value.canConvertToLong() && value.longValue() > 0) {
			return value.longValue();
		}
		if (value.isString() && value.stringValue().matches("\\d{1,18}")) {
			return Long.valueOf(value.stringValue());
		}
		this.errors.put(name, "must be an id such as \"42\"");
		return null;
	}

	/** Throws the collected problems, if any, as one 400 naming every field. */
	void check() {
		if (!this.errors.isEmpty()) {
			throw ProblemException.validation(this.errors);
		}
	}

	/** For a change: at least one field must be sent. */
	void requireAny() {
		check();
		if (this.body.isEmpty()) {
			throw new ProblemException(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Send at least one field to change");
		}
	}

}
