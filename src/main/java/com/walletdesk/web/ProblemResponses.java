package com.walletdesk.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.json.JsonMapper;

/** Builds the problem JSON of API.md: RFC 9457 plus {@code code} and, when given, {@code fields}. */
public final class ProblemResponses {

	private ProblemResponses() {
	}

	public static ProblemDetail problem(HttpStatus status, String code, String detail, Map<String, String> fields,
			String instance) {
		ProblemText.Text text = ProblemText.of(status, code, detail);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, text.detail());
		problem.setTitle(text.title());
		if (instance != null) {
			problem.setInstance(URI.create(instance));
		}
		problem.setProperty("code", code);
		if (fields != null && !fields.isEmpty()) {
			problem.setProperty("fields", new LinkedHashMap<>(fields));
		}
		return problem;
	}

	public static ResponseEntity<ProblemDetail> entity(HttpStatus status, String code, String detail,
			Map<String, String> fields, HttpServletRequest request) {
		return ResponseEntity.status(status)
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.body(problem(status, code, detail, fields, request == null ? null : request.getRequestURI()));
	}

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/**
	 * Writes problem JSON straight to the response: for filters and security handlers, which
	 * answer before any controller (and its message converters) is reached.
	 */
	public static void write(HttpServletResponse response, HttpStatus status, String code, String detail,
			HttpServletRequest request) throws IOException {
		write(response, status, code, detail, Map.of(), request);
	}

	/** {@link #write(HttpServletResponse, HttpStatus, String, String, HttpServletRequest)} with {@code fields}. */
	public static void write(HttpServletResponse response, HttpStatus status, String code, String detail,
			Map<String, String> fields, HttpServletRequest request) throws IOException {
		ProblemText.Text text = ProblemText.of(status, code, detail);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", text.title());
		body.put("status", status.value());
		body.put("detail", text.detail());
		body.put("instance", request.getRequestURI());
		body.put("code", code);
		if (fields != null && !fields.isEmpty()) {
			body.put("fields", new LinkedHashMap<>(fields));
		}
		response.setStatus(status.value());
		response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
		response.setCharacterEncoding("UTF-8");
		JSON.writeValue(response.getOutputStream(), body);
	}

	/** True for requests that must be answered with JSON, never with a page or a redirect. */
	public static boolean isApi(HttpServletRequest request) {
		return path(request).startsWith("/api/");
	}

	/** The request's path inside the application (without its context path), as sent. */
	public static String path(HttpServletRequest request) {
		return request.getRequestURI().substring(request.getContextPath().length());
	}

}
