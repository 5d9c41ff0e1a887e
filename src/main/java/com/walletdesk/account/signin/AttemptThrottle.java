package com.walletdesk.account.signin;

import com.walletdesk.account.request.RateLimiter;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.walletdesk.web.ProblemResponses;

import io.github.bucket4j.ConsumptionProbe;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Throttles guesses per source address (ASVS 2.2.1): sign-in, MFA codes and password changes.
 * Every attempt takes a token from the address's bucket and a successful one gives it back, so
 * a burst of failures ({@code walletdesk.security.throttle.capacity}, default 20, refilled over
 * {@code walletdesk.security.throttle.period}, default 10 minutes) gets 429 until tokens come
 * back. The address is the client's as the trusted proxy forwards it (server.forward-headers-strategy).
 * Complements the per-account lock-out, which stops guessing one account from many addresses.
 */
@Component
public class AttemptThrottle extends OncePerRequestFilter {

	static final Set<String> GUARDED = Set.of("/login", "/api/v1/mfa/verify", "/api/v1/mfa/enrolment/confirm",
			"/api/v1/me/password", "/api/v1/mfa/recovery-codes", "/account/password", "/account/mfa/verify",
			"/account/mfa/confirm", "/account/recovery-codes");

	public static final String TOO_MANY_PAGE = "/account/too-many-attempts";

	private final RateLimiter limiter;

	AttemptThrottle(@Value("${walletdesk.security.throttle.capacity:20}") long capacity,
			@Value("${walletdesk.security.throttle.period:10m}") Duration period) {
		this.limiter = new RateLimiter(capacity, period);
	}

	RateLimiter limiter() {
		return this.limiter;
	}

	/** Every address starts afresh (a test that spends failures on purpose gives them back). */
	public void forgetAttempts() {
		this.limiter.forgetAll();
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !"POST".equals(request.getMethod())
				|| !GUARDED.contains(ProblemResponses.path(request));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String address = request.getRemoteAddr();
		ConsumptionProbe probe = this.limiter.take(address);
		if (!probe.isConsumed()) {
			response.setHeader("Retry-After", String.valueOf(RateLimiter.retryAfterSeconds(probe)));
			if (ProblemResponses.isApi(request)) {
				ProblemResponses.write(response, HttpStatus.TOO_MANY_REQUESTS, "TOO_MANY_REQUESTS",
						"Too many attempts from this address; try again later", request);
			}
			else {
				response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
				request.getRequestDispatcher(TOO_MANY_PAGE).forward(request, response);
			}
			return;
		}
		chain.doFilter(request, response);
		if (succeeded(response)) {
			this.limiter.giveBack(address);
		}
	}

	private static boolean succeeded(HttpServletResponse response) {
		int status = response.getStatus();
		if (status >= 400) {
			return false;
		}
		String location = response.getHeader("Location");
		return location == null || !location.contains("?error");
	}

}
