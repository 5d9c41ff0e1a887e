package com.walletdesk.account.request;

import java.io.IOException;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.walletdesk.web.ProblemResponses;

import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses request parameters no field of ours can hold: a NUL character (PostgreSQL text
 * cannot store it, so it would otherwise end as a database error) or a value longer than
 * {@value #MAX_VALUE} characters. A 400 problem (or the error page), never a 500.
 */
public class InputGuard extends OncePerRequestFilter {

	static final int MAX_VALUE = 4096;

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
			if (unfit(parameter.getKey())) {
				refuse(request, response);
				return;
			}
			for (String value : parameter.getValue()) {
				if (unfit(value)) {
					refuse(request, response);
					return;
				}
			}
		}
		chain.doFilter(request, response);
	}

	private static boolean unfit(String value) {
		return value != null && (value.length() > MAX_VALUE || value.indexOf('\u0000') >= 0);
	}

	private static void refuse(HttpServletRequest request, HttpServletResponse response) throws IOException {
		if (ProblemResponses.isApi(request)) {
			ProblemResponses.write(response, HttpStatus.BAD_REQUEST, "INVALID_PARAMETER",
					"A parameter holds characters or a length no field accepts", request);
		}
		else {
			response.sendError(HttpStatus.BAD_REQUEST.value());
		}
	}

}
