package com.walletdesk.account;

import com.walletdesk.account.apikey.ApiKeyFilter;
import com.walletdesk.account.apikey.ApiKeyService;
import com.walletdesk.account.request.AccessDeniedAudit;
import com.walletdesk.account.request.CookieOrFormCsrfTokenHandler;
import com.walletdesk.account.request.CurrentUserFilter;
import com.walletdesk.account.request.InputGuard;
import com.walletdesk.account.signin.AttemptThrottle;
import com.walletdesk.account.signin.LicenseInactiveException;
import com.walletdesk.account.signin.PasswordSignIn;
import com.walletdesk.account.signin.SignInProgress;
import com.walletdesk.account.signin.SignInSteps;
import com.walletdesk.account.signin.SignInSuccess;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;

import com.walletdesk.audit.AuditService;
import com.walletdesk.web.ProblemResponses;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Pages sign in with a form and keep the session in the database; every
 * {@code /api/v1/**} call answers 401/403 problem JSON instead of redirecting; machine clients
 * send an API key as a Bearer token, which can reach only what its purpose allows. Scope is not
 * decided here: services check it for every read and write.
 */
@Configuration(proxyBeanMethods = false)
public class SecurityConfig {

	/** Pages and files anyone may fetch, signed in or not, and during the sign-in steps too. */
	public static final String[] PUBLIC_PAGES = { "/login", "/help", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**",
			"/favicon.ico", "/language", AttemptThrottle.TOO_MANY_PAGE,
			// the payer's page of a payment link: its unguessable token is the authorisation
			"/pay/*" };

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "frame-ancestors 'none'; form-action 'self'";

	static final String PERMISSIONS_POLICY = "camera=(), microphone=(), geolocation=(), payment=(), usb=()";

	/** One year, as HSTS preload lists ask. */
	static final long HSTS_MAX_AGE_SECONDS = 31_536_000L;

	private static final RequestMatcher API = ProblemResponses::isApi;

	private static final RequestMatcher HTMX = request -> "true".equals(request.getHeader("HX-Request"));

	/**
	 * No observation (timer, trace) around each security filter, authentication and
	 * authorization: together about a tenth of a request's CPU, for a chain whose outcome is
	 * already counted (http.server.requests) and audited (sign-ins, ACCESS_DENIED).
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationManager authenticationManager(PasswordSignIn passwordSignIn) {
		return new ProviderManager(passwordSignIn);
	}

	/** The throttle runs inside the security chain only, not a second time as a servlet filter. */
	@Bean
	FilterRegistrationBean<AttemptThrottle> attemptThrottleRegistration(AttemptThrottle throttle) {
		FilterRegistrationBean<AttemptThrottle> registration = new FilterRegistrationBean<>(throttle);
		registration.setEnabled(false);
		return registration;
	}

	/** Signed by the wallet (refund module), answered 401 when the signature does not verify. */
	static final String[] WALLET_NOTIFICATIONS = { "/api/v1/wallets/wechatpay/notify", "/api/v1/wallets/antom/notify" };

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AccountService accounts,
			AuthenticationManager authenticationManager, SignInSteps steps, SignInProgress progress,
			AttemptThrottle throttle, ApiKeyService apiKeys, AuditService audit,
			@Value("${walletdesk.security.session.absolute-timeout:12h}") Duration absoluteTimeout) throws Exception {
		http.authenticationManager(authenticationManager);
		http.authorizeHttpRequests(authorize -> authorize
			.requestMatchers(PUBLIC_PAGES)
			.permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
					"/swagger-ui.html", "/swagger-ui/**")
			.permitAll()
			// the wallets' notifications: no session, the wallet's signature authenticates each one
			.requestMatchers(HttpMethod.POST, WALLET_NOTIFICATIONS)
			.permitAll()
			// an operator's session, or an API key whose purpose is ingestion
			.requestMatchers("/api/v1/ingest/**")
			.hasAnyAuthority("ROLE_" + Role.OPERATOR.name(), "SCOPE_" + ApiKeyService.Purpose.INGEST.name())
			.requestMatchers("/api/v1/admin/**", "/admin/**", "/actuator/**")
			.hasRole(Role.OPERATOR.name())
			// people only: an API key reaches nothing but what its purpose allows (403)
			.anyRequest()
			.hasAnyRole(Role.OPERATOR.name(), Role.MERCHANT.name()));
		http.formLogin(form -> form.loginPage("/login")
			.successHandler(new SignInSuccess(progress))
			.failureHandler((request, response, exception) -> response.sendRedirect(request.getContextPath()
					+ (exception instanceof LicenseInactiveException ? "/login?license" : "/login?error"))));
		// a new session (new ID, new creation time) at sign-in: no fixation, and the absolute lifetime starts
		http.sessionManagement(sessions -> sessions.sessionFixation(fixation -> fixation.migrateSession()));
		http.logout(logout -> logout.logoutUrl("/logout")
			.logoutSuccessUrl("/login?logout")
			.invalidateHttpSession(true)
			.clearAuthentication(true)
			.deleteCookies("SESSION", "JSESSIONID"));
		// the XSRF-TOKEN cookie is readable by scripts; unsafe calls echo it as X-XSRF-TOKEN or _csrf
		http.csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
			.csrfTokenRequestHandler(new CookieOrFormCsrfTokenHandler())
			.ignoringRequestMatchers(request -> ApiKeyFilter.bearer(request) != null)
			.ignoringRequestMatchers(WALLET_NOTIFICATIONS));
		http.exceptionHandling(exceptions -> exceptions
			.defaultAuthenticationEntryPointFor(apiEntryPoint(), API)
			.defaultAuthenticationEntryPointFor(htmxEntryPoint(), HTMX)
			.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
			.defaultAccessDeniedHandlerFor(apiAccessDenied(), API)
			.defaultAccessDeniedHandlerFor(pageAccessDenied(), request -> true));
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN))
			.permissionsPolicyHeader(permissions -> permissions.policy(PERMISSIONS_POLICY))
			// written only on secure requests (TLS, or X-Forwarded-Proto: https from the trusted proxy)
			.httpStrictTransportSecurity(hsts -> hsts.maxAgeInSeconds(HSTS_MAX_AGE_SECONDS).includeSubDomains(true)));
		http.addFilterAfter(new AccessDeniedAudit(audit), SecurityContextHolderFilter.class);
		http.addFilterBefore(new InputGuard(), CsrfFilter.class);
		http.addFilterBefore(throttle, CsrfFilter.class);
		http.addFilterBefore(new ApiKeyFilter(apiKeys), LogoutFilter.class);
		http.addFilterAfter(new CurrentUserFilter(accounts, steps, absoluteTimeout), AnonymousAuthenticationFilter.class);
		http.addFilterAfter(new CsrfCookieFilter(), CsrfFilter.class);
		return http.build();
	}

	/** Loads the CSRF token on every request, so every answer (sign-in page included) sets XSRF-TOKEN. */
	private static final class CsrfCookieFilter extends org.springframework.web.filter.OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response,
				jakarta.servlet.FilterChain chain) throws jakarta.servlet.ServletException, java.io.IOException {
			if (request.getAttribute(org.springframework.security.web.csrf.CsrfToken.class.getName())
					instanceof org.springframework.security.web.csrf.CsrfToken token) {
				token.getToken();
			}
			chain.doFilter(request, response);
		}

	}

	private static AuthenticationEntryPoint apiEntryPoint() {
		return (request, response, exception) -> ProblemResponses.write(response, HttpStatus.UNAUTHORIZED,
				"UNAUTHENTICATED", "Sign in, or send an API key", request);
	}

	/** An htmx request on an expired session reloads to the sign-in page instead of swapping it into the page. */
	private static AuthenticationEntryPoint htmxEntryPoint() {
		return (request, response, exception) -> {
			response.setHeader("HX-Redirect", request.getContextPath() + "/login?expired");
			response.setStatus(HttpStatus.UNAUTHORIZED.value());
		};
	}

	private static AccessDeniedHandler apiAccessDenied() {
		return (request, response, exception) -> {
			if (exception instanceof CsrfException) {
				ProblemResponses.write(response, HttpStatus.FORBIDDEN, "CSRF_TOKEN_INVALID",
						"Send the XSRF-TOKEN cookie's value as the X-XSRF-TOKEN header", request);
			}
			else {
				ProblemResponses.write(response, HttpStatus.FORBIDDEN, "ACCESS_DENIED",
						"This account may not do this", request);
			}
		};
	}

	/** A stale sign-in form goes back to the sign-in page; anything else gets the 403 page. */
	private static AccessDeniedHandler pageAccessDenied() {
		return (request, response, exception) -> {
			if (exception instanceof CsrfException && request.getServletPath().equals("/login")) {
				response.sendRedirect(request.getContextPath() + "/login?expired");
			}
			else {
				response.sendError(HttpStatus.FORBIDDEN.value());
			}
		};
	}

}
