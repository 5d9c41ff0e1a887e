package com.walletdesk.web;

import java.util.Collections;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * Refuses an API call whose answer could not be written in any type its {@code Accept} header
 * allows, before the controller runs: otherwise a refund is made (or a batch stored) and only
 * writing the answer fails, so the caller hears of an error for work that was done. JSON
 * answers need {@code Accept} to allow {@code application/json} or
 * {@code application/problem+json} (a missing header and the wildcards do). A mapping that declares what it produces has been matched against {@code Accept}
 * already; an answer streamed or written as a file (an export) chooses its own type.
 */
class AcceptCheck implements HandlerInterceptor {

	private static final List<MediaType> JSON = List.of(MediaType.APPLICATION_JSON, MediaType.APPLICATION_PROBLEM_JSON);

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
			throws Exception {
		if (!ProblemResponses.isApi(request) || !(handler instanceof HandlerMethod method) || !answersJson(method)
				|| request.getAttribute(HandlerMapping.PRODUCIBLE_MEDIA_TYPES_ATTRIBUTE) != null) {
			return true;
		}
		if (acceptsJson(Collections.list(request.getHeaders("Accept")))) {
			return true;
		}
		ProblemResponses.write(response, HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE",
				"This answer is JSON: send Accept: application/json (or leave Accept out); nothing was done", request);
		return false;
	}

	static boolean acceptsJson(List<String> headers) {
		if (headers.isEmpty()) {
			return true;
		}
		List<MediaType> accepted;
		try {
			accepted = MediaType.parseMediaTypes(headers);
		}
		catch (InvalidMediaTypeException ex) {
			return false;
		}
		if (accepted.isEmpty()) {
			return true;
		}
		for (MediaType type : accepted) {
			if (type.getQualityValue() > 0 && JSON.stream().anyMatch(type::isCompatibleWith)) {
				return true;
			}
		}
		return false;
	}

	/** Whether the method's answer is written as JSON (not streamed, not a file, not a plain text). */
	private static boolean answersJson(HandlerMethod method) {
		Class<?> type = method.getReturnType().getParameterType();
		if (ResponseEntity.class.isAssignableFrom(type)) {
			type = method.getReturnType().nested().getNestedParameterType();
		}
		return !(StreamingResponseBody.class.isAssignableFrom(type) || Resource.class.isAssignableFrom(type)
				|| byte[].class == type || String.class == type);
	}

}
