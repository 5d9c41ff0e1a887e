package com.walletdesk.account.request;

import com.walletdesk.account.Account;
import com.walletdesk.account.AccountService;
import com.walletdesk.account.CurrentUser;
import com.walletdesk.account.signin.SignInSteps;
import com.walletdesk.account.signin.SignedInAccount;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.walletdesk.web.ProblemResponses;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Reloads the signed-in account on every request. A session older than its absolute lifetime
 * (12 hours) ends; a disabled or deleted account loses its session at once; a merchant whose
 * license was switched off gets 403 {@code LICENSE_INACTIVE} on the API and the sign-in page
 * with the license message in the browser. Until the sign-in steps after the password are
 * done, pages go to the step's page and the API answers 401 with the step's code.
 */
public class CurrentUserFilter extends OncePerRequestFilter {

	static final String ATTRIBUTE = CurrentUser.class.getName();

	/** The username of a session this filter refused and ended (the audit still names it). */
	static final String REFUSED_ACCOUNT = CurrentUserFilter.class.getName() + ".refusedAccount";

	/**
	 * Session times are compared with the real clock, as Spring Session does for the idle
	 * timeout (the session's creation time is the real time of sign-in); the application's
	 * business clock may be set elsewhere in tests and demos.
	 */
	private static final Clock SESSION_CLOCK = Clock.systemUTC();

	private final AccountService accounts;

	private final SignInSteps steps;

	private final Duration absoluteTimeout;

	public CurrentUserFilter(AccountService accounts, SignInSteps steps, Duration absoluteTimeout) {
		this.accounts = accounts;
		this.steps = steps;
		this.absoluteTimeout = absoluteTimeout;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || !(authentication.getPrincipal() instanceof SignedInAccount principal)) {
			chain.doFilter(request, response);
			return;
		}
		HttpSession session = request.getSession(false);
		if (session != null
				&& SESSION_CLOCK.millis() - session.getCreationTime() > this.absoluteTimeout.toMillis()) {
			endSession(request);
			refuse(request, response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "The session has ended; sign in again",
					"/login?expired");
			return;
		}
		Optional<Account> account = this.accounts.account(principal.accountId());
		AccountService.AccountCheck check = this.accounts.check(account.orElse(null));
		switch (check.standing()) {
			case GONE -> {
				endSession(request);
				refuse(request, response, HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Sign in again", "/login?expired");
			}
			case LICENSE_INACTIVE -> {
				request.setAttribute(REFUSED_ACCOUNT, principal.getUsername()); // for the ACCESS_DENIED record
				endSession(request);
				refuse(request, response, HttpStatus.FORBIDDEN, "LICENSE_INACTIVE",
						"The dashboard license of this merchant is not active", "/login?license");
			}
			case ACTIVE -> {
				request.setAttribute(ATTRIBUTE, check.user());
				Optional<SignInSteps.Step> step = this.steps.pending(account.get(), session);
				if (step.isPresent() && !SignInSteps.allowedDuring(step.get(), ProblemResponses.path(request))) {
					refuse(request, response, HttpStatus.UNAUTHORIZED, step.get().name(), step.get().message,
							step.get().page);
					return;
				}
				chain.doFilter(request, response);
			}
		}
	}

	private static void endSession(HttpServletRequest request) {
		SecurityContextHolder.clearContext();
		HttpSession session = request.getSession(false);
		if (session != null) {
			session.invalidate();
		}
	}

	static void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
			String message, String page) throws IOException {
		if (ProblemResponses.isApi(request)) {
			ProblemResponses.write(response, status, code, message, request);
		}
		else if ("true".equals(request.getHeader("HX-Request"))) {
			response.setHeader("HX-Redirect", request.getContextPath() + page);
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
		}
		else {
			response.sendRedirect(request.getContextPath() + page);
		}
	}

}
