package com.walletdesk.web;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;

/**
 * The checks every JSON body of the API passes before any controller reads it, in one place:
 * it is JSON, no object names a member twice (which value would count?), and every text in it
 * (names and values) holds only characters a person can have meant: no control character other
 * than tab, line feed and carriage return (multi-line text, PEM keys), no lone UTF-16
 * surrogate (not Unicode at all; it would be stored altered), no noncharacter U+FFFE/U+FFFF.
 * PostgreSQL cannot store a NUL; the others would be stored and shown as garbage.
 */
final class JsonBodyCheck {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** The code of a text refused in a member of this name; INVALID_TEXT for any other. */
	private static final Map<String, String> CODES = Map.of("reason", "REASON_REQUIRED");

	static final String TEXT_RULE = "must not hold control characters (other than tab and line breaks) "
			+ "or malformed Unicode";

	/** At most this many members are named in {@code fields}. */
	private static final int MAX_FIELDS = 20;

	private JsonBodyCheck() {
	}

	/** Throws the refusal of a body that fails a check; an empty body passes (the endpoint decides). */
	static void check(byte[] body) {
		if (body.length == 0) {
			return;
		}
		Map<String, String> bad = new LinkedHashMap<>();
		String code = null;
		Deque<Set<String>> names = new ArrayDeque<>();
		try (JsonParser parser = JSON.createParser(body)) {
			JsonToken token;
			while ((token = parser.nextToken()) != null) {
				switch (token) {
					case START_OBJECT -> names.push(new HashSet<>());
					case END_OBJECT -> names.pop();
					case PROPERTY_NAME -> {
						String name = parser.currentName();
						if (!names.peek().add(name)) {
							throw new ProblemException(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST",
									"A JSON object names a member twice", Map.of(path(parser.streamReadContext()),
											"is given more than once"));
						}
						if (!fit(name) && bad.size() < MAX_FIELDS) {
							bad.putIfAbsent(path(parser.streamReadContext()), TEXT_RULE);
							code = code == null ? "INVALID_TEXT" : code;
						}
					}
					case VALUE_STRING -> {
						if (!fit(parser.getString()) && bad.size() < MAX_FIELDS) {
							TokenStreamContext context = parser.streamReadContext();
							bad.putIfAbsent(path(context), TEXT_RULE);
							if (code == null) {
								code = context.inObject() ? CODES.getOrDefault(context.currentName(), "INVALID_TEXT")
										: "INVALID_TEXT";
							}
						}
					}
					default -> {
						// numbers, booleans, nulls and arrays hold no text of their own
					}
				}
			}
		}
		catch (JacksonException ex) {
			throw ProblemException.badRequest("MALFORMED_REQUEST", "The request body is not valid JSON (UTF-8)");
		}
		if (!bad.isEmpty()) {
			throw new ProblemException(HttpStatus.UNPROCESSABLE_CONTENT, code,
					"Some text " + TEXT_RULE + "; nothing was done", bad);
		}
	}

	/** Whether every character of {@code text} is one a person can have meant to send. */
	static boolean fit(String text) {
		if (Unicode.hasLoneSurrogate(text)) {
			return false;
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c == '\uFFFE' || c == '\uFFFF' || (Character.isISOControl(c) && c != '\t' && c != '\n' && c != '\r')) {
				return false;
			}
		}
		return true;
	}

	/** The member's path as the ingestion API names fields: {@code items[3].reason}, {@code reason}. */
	private static String path(TokenStreamContext context) {
		StringBuilder path = new StringBuilder();
		for (TokenStreamContext at = context; at != null && !at.inRoot(); at = at.getParent()) {
			if (at.inObject()) {
				path.insert(0, "." + (at.currentName() == null ? "" : at.currentName()));
			}
			else if (at.inArray()) {
				path.insert(0, "[" + Math.max(at.getCurrentIndex(), 0) + "]");
			}
		}
		String result = path.length() > 0 && path.charAt(0) == '.' ? path.substring(1) : path.toString();
		return result.isEmpty() ? "body" : result;
	}

}
