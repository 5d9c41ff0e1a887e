package com.walletdesk.account.apikey;

import com.walletdesk.account.request.RateLimiter;
import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.walletdesk.web.ProblemResponses;

import io.github.bucket4j.ConsumptionProbe;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bearer authentication with an API key. A request carrying {@code Authorization: Bearer ...}
 * is the key's, whatever session cookie comes with it: an unknown or revoked key gets 401
 * {@code INVALID_API_KEY}, a key over its rate 429; a valid one is authenticated for this
 * request only (nothing is stored in a session) with its purpose's authority.
 */
public class ApiKeyFilter extends OncePerRequestFilter {

	private final ApiKeyService keys;

	public ApiKeyFilter(ApiKeyService keys) {
		this.keys = keys;
	}

	public static String bearer(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return authorization.substring(7).strip();
		}
		return null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String presented = bearer(request);
		if (presented == null) {
			chain.doFilter(request, response);
			return;
		}
		Optional<ApiKeys.ApiKey> key = this.keys.authenticate(presented);
		if (key.isEmpty()) {
			ProblemResponses.write(response, HttpStatus.UNAUTHORIZED, "INVALID_API_KEY",
					"The API key is not valid or was revoked", request);
			return;
		}
		ConsumptionProbe probe = this.keys.limiter().take(String.valueOf(key.get().id()));
		if (!probe.isConsumed()) {
			response.setHeader("Retry-After", String.valueOf(RateLimiter.retryAfterSeconds(probe)));
			ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS",
					"This API key is over its rate limit; slow down", request);
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new ApiKeyAuthentication(key.get()));
		// for this request only: SecurityContextHolderFilter clears it afterwards, nothing saves it
		SecurityContextHolder.setContext(context);
		chain.doFilter(request, response);
	}

}
