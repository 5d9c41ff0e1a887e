package com.walletdesk.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.validation.FieldError;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.bind.MissingRequestHeaderException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * One place where refusals become answers: problem JSON under {@code /api/}, the error page
 * with a message in words elsewhere. Nothing here decides a rule; a stack trace never leaves.
 *
 * <p>Ordered first: otherwise Spring Boot's own problem-details advice
 * ({@code spring.mvc.problemdetails.enabled}) may answer the standard MVC exceptions (unreadable
 * body, missing header...) first, without our {@code code}.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ErrorHandling {

	private static final Logger log = LoggerFactory.getLogger(ErrorHandling.class);

	@ExceptionHandler(ProblemException.class)
	Object problem(ProblemException ex, HttpServletRequest request, HttpServletResponse response) {
		return answer(ex.status(), ex.code(), ex.getMessage(), ex.fields(), request, response);
	}

	@ExceptionHandler(HttpMessageNotReadableException.class)
	Object unreadable(HttpMessageNotReadableException ex, HttpServletRequest request, HttpServletResponse response) {
		// an unknown member is refused as ingestion and administration refuse it (a typo must not drop a value)
		if (ex.getCause() instanceof UnrecognizedPropertyException unknown) {
			String name = unknown.getPropertyName() == null ? "body" : unknown.getPropertyName();
			return answer(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "'" + name + "' is not a field of this request",
					Map.of(name, "is not a field of this request"), request, response);
		}
		return answer(HttpStatus.BAD_REQUEST, "MALFORMED_REQUEST", "The request body is not valid JSON of the expected shape",
				Map.of(), request, response);
	}

	@ExceptionHandler(MethodArgumentNotValidException.class)
	Object invalid(MethodArgumentNotValidException ex, HttpServletRequest request, HttpServletResponse response) {
		Map<String, String> fields = new LinkedHashMap<>();
		for (FieldError error : ex.getBindingResult().getFieldErrors()) {
			fields.putIfAbsent(error.getField(), error.getDefaultMessage());
		}
		return answer(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Some fields are not valid", fields, request, response);
	}

	@ExceptionHandler(HandlerMethodValidationException.class)
	Object invalidParameters(HandlerMethodValidationException ex, HttpServletRequest request,
			HttpServletResponse response) {
		Map<String, String> fields = new LinkedHashMap<>();
		ex.getParameterValidationResults()
			.forEach(result -> fields.putIfAbsent(result.getMethodParameter().getParameterName(),
					result.getResolvableErrors().get(0).getDefaultMessage()));
		return answer(HttpStatus.BAD_REQUEST, "VALIDATION_FAILED", "Some parameters are not valid", fields, request,
				response);
	}

	@ExceptionHandler(MethodArgumentTypeMismatchException.class)
	Object typeMismatch(MethodArgumentTypeMismatchException ex, HttpServletRequest request,
			HttpServletResponse response) {
		return answer(HttpStatus.BAD_REQUEST, "INVALID_PARAMETER", "Parameter '" + ex.getName() + "' is not valid",
				Map.of(ex.getName(), "is not valid"), request, response);
	}

	@ExceptionHandler(MissingServletRequestParameterException.class)
	Object missingParameter(MissingServletRequestParameterException ex, HttpServletRequest request,
			HttpServletResponse response) {
		return answer(HttpStatus.BAD_REQUEST, "MISSING_PARAMETER", "Parameter '" + ex.getParameterName() + "' is required",
				Map.of(ex.getParameterName(), "is required"), request, response);
	}

	@ExceptionHandler(MissingRequestHeaderException.class)
	Object missingHeader(MissingRequestHeaderException ex, HttpServletRequest request, HttpServletResponse response) {
		return answer(HttpStatus.BAD_REQUEST, "MISSING_HEADER", "Header '" + ex.getHeaderName() + "' is required",
				Map.of(), request, response);
	}

	@ExceptionHandler(HttpRequestMethodNotSupportedException.class)
	Object method(HttpRequestMethodNotSupportedException ex, HttpServletRequest request, HttpServletResponse response) {
		return answer(HttpStatus.METHOD_NOT_ALLOWED, "METHOD_NOT_ALLOWED", "This method is not allowed here", Map.of(),
				request, response);
	}

	@ExceptionHandler(HttpMediaTypeNotSupportedException.class)
	Object mediaType(HttpMediaTypeNotSupportedException ex, HttpServletRequest request, HttpServletResponse response) {
		return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE", "Send application/json", Map.of(),
				request, response);
	}

	@ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
	Object notAcceptable(HttpMediaTypeNotAcceptableException ex, HttpServletRequest request,
			HttpServletResponse response) {
		return answer(HttpStatus.NOT_ACCEPTABLE, "NOT_ACCEPTABLE", "This answer is JSON: send Accept: application/json",
				Map.of(), request, response);
	}

	@ExceptionHandler(NoResourceFoundException.class)
	Object noResource(NoResourceFoundException ex, HttpServletRequest request, HttpServletResponse response) {
		return answer(HttpStatus.NOT_FOUND, "NOT_FOUND", "Nothing here", Map.of(), request, response);
	}

	/** The client went away while the answer was written: nobody is left to answer. */
	@ExceptionHandler(AsyncRequestNotUsableException.class)
	void clientGone(AsyncRequestNotUsableException ex, HttpServletRequest request) {
		log.debug("Client left before the answer to {} {} was written", request.getMethod(), request.getRequestURI());
	}

	@ExceptionHandler(Exception.class)
	Object unexpected(Exception ex, HttpServletRequest request, HttpServletResponse response) throws Exception {
		if (ex instanceof org.springframework.security.access.AccessDeniedException
				|| ex instanceof org.springframework.security.core.AuthenticationException) {
			throw ex; // Spring Security's own handlers answer these (401/403)
		}
		log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
		return answer(HttpStatus.INTERNAL_SERVER_ERROR, "INTERNAL_ERROR", "Something went wrong on our side", Map.of(),
				request, response);
	}

	private Object answer(HttpStatus status, String code, String message, Map<String, String> fields,
			HttpServletRequest request, HttpServletResponse response) {
		if (ProblemResponses.isApi(request)) {
			return ProblemResponses.entity(status, code, message, fields, request);
		}
		response.setStatus(status.value());
		ModelAndView page = new ModelAndView("error");
		page.setStatus(status);
		page.addObject("status", status.value());
		page.addObject("code", code);
		page.addObject("message", message);
		page.addObject("fields", fields);
		return page;
	}

}
