package com.walletdesk.web;

import java.util.Map;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * Answers what reaches the container's error page ({@code sendError}, the security firewall
 * refusing a path with {@code ..} or {@code ;}, an exception no handler took): problem JSON
 * with a {@code code} for an {@code /api/} request, whatever it accepts (Spring Boot's own
 * controller answered {@code timestamp,status,error,path}); the error page in words for a page,
 * which says a refusal is a refusal.
 */
@Controller
class ProblemErrorController implements ErrorController {

	@RequestMapping("${server.error.path:/error}")
	Object error(HttpServletRequest request, HttpServletResponse response) {
		int status = status(request);
		String code = StatusCodes.code(status);
		String detail = StatusCodes.detail(status);
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		String path = uri instanceof String original ? original : request.getRequestURI();
		if (path.startsWith(request.getContextPath() + "/api/")) {
			ProblemDetail problem = ProblemResponses.problem(httpStatus(status), code, detail, Map.of(), path);
			return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
		}
		response.setStatus(status);
		ModelAndView page = new ModelAndView("error");
		page.setStatus(httpStatus(status));
		page.addObject("status", status);
		page.addObject("code", code);
		page.addObject("message", detail);
		page.addObject("fields", Map.of());
		return page;
	}

	private static int status(HttpServletRequest request) {
		Object status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int value = status instanceof Integer code ? code : 500;
		return value < 400 || value > 599 ? 500 : value;
	}

	private static HttpStatus httpStatus(int status) {
		HttpStatus known = HttpStatus.resolve(status);
		return known != null ? known : HttpStatus.INTERNAL_SERVER_ERROR;
	}

}
