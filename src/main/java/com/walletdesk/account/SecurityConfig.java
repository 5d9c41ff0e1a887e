package com.walletdesk.account;

import jakarta.servlet.http.HttpServletRequest;

import com.walletdesk.web.ProblemResponses;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationEventPublisher;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.DefaultAuthenticationEventPublisher;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.util.matcher.RequestMatcher;

/**
 * Who may reach what. Pages sign in with a form and keep the session in the database; every
 * {@code /api/v1/**} call answers 401/403 problem JSON instead of redirecting. Scope is not
 * decided here: services check it for every read and write.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
			+ "img-src 'self' data:; font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; "
			+ "frame-ancestors 'none'; form-action 'self'";

	private static final RequestMatcher API = ProblemResponses::isApi;

	private static final RequestMatcher HTMX = request -> "true".equals(request.getHeader("HX-Request"));

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	AuthenticationEventPublisher authenticationEventPublisher(
			org.springframework.context.ApplicationEventPublisher publisher) {
		return new DefaultAuthenticationEventPublisher(publisher);
	}

	@Bean
	AuthenticationManager authenticationManager(AccountUserDetailsService users, PasswordEncoder encoder,
			MerchantLicenseCheck licenseCheck, AuthenticationEventPublisher events) {
		DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
		provider.setPasswordEncoder(encoder);
		provider.setPostAuthenticationChecks(licenseCheck);
		ProviderManager manager = new ProviderManager(provider);
		manager.setAuthenticationEventPublisher(events);
		return manager;
	}

	@Bean
	SecurityFilterChain securityFilterChain(HttpSecurity http, AccountService accounts,
			AuthenticationManager authenticationManager) throws Exception {
		http.authenticationManager(authenticationManager);
		http.authorizeHttpRequests(authorize -> authorize
			.requestMatchers("/login", "/help", "/error", "/css/**", "/js/**", "/img/**", "/webjars/**", "/favicon.ico")
			.permitAll()
			.requestMatchers("/actuator/health", "/actuator/health/**", "/v3/api-docs", "/v3/api-docs/**",
					"/swagger-ui.html", "/swagger-ui/**")
			.permitAll()
			.requestMatchers("/api/v1/admin/**", "/admin/**", "/api/v1/ingest/**", "/actuator/**")
			.hasRole(Role.OPERATOR.name())
			.anyRequest()
			.authenticated());
		http.formLogin(form -> form.loginPage("/login")
			.defaultSuccessUrl("/", true)
			.failureHandler((request, response, exception) -> response.sendRedirect(request.getContextPath()
					+ (exception instanceof LicenseInactiveException ? "/login?license" : "/login?error"))));
		http.logout(logout -> logout.logoutUrl("/logout")
			.logoutSuccessUrl("/login?logout")
			.invalidateHttpSession(true)
			.deleteCookies("SESSION", "JSESSIONID"));
		// the XSRF-TOKEN cookie is readable by scripts; unsafe calls echo it as X-XSRF-TOKEN or _csrf
		http.csrf(csrf -> csrf.csrfTokenRepository(CookieCsrfTokenRepository.withHttpOnlyFalse())
			.csrfTokenRequestHandler(new CookieOrFormCsrfTokenHandler()).ignoringRequestMatchers(SecurityConfig::bearerRequest));
		http.exceptionHandling(exceptions -> exceptions
			.defaultAuthenticationEntryPointFor(apiEntryPoint(), API)
			.defaultAuthenticationEntryPointFor(htmxEntryPoint(), HTMX)
			.defaultAuthenticationEntryPointFor(new LoginUrlAuthenticationEntryPoint("/login"), request -> true)
			.defaultAccessDeniedHandlerFor(apiAccessDenied(), API)
			.defaultAccessDeniedHandlerFor(pageAccessDenied(), request -> true));
		http.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
			.referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		http.addFilterAfter(new CurrentUserFilter(accounts), AnonymousAuthenticationFilter.class);
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

	private static boolean bearerRequest(HttpServletRequest request) {
		String authorization = request.getHeader("Authorization");
		return authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7);
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
