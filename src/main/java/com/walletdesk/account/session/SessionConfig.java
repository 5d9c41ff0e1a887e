package com.walletdesk.account.session;

import java.io.IOException;
import java.time.Duration;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.session.jdbc.config.annotation.web.http.JdbcHttpSessionConfiguration;
import org.springframework.session.web.http.SessionRepositoryFilter;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sessions live in the database (Spring Session JDBC, configured by Spring Boot) so that any
 * instance can serve any request. Spring Session's filter uses the {@link QuietSessionRepository}
 * around Boot's repository, which keeps that to one read per request, outside any transaction
 * ({@link SessionTransactions}), and a write only when something changed.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfig {

	/**
	 * Wraps the repository Spring Boot built (with its table, timeout and clean-up settings) once
	 * it is ready; the original still receives its shutdown call.
	 */
	@Bean
	static BeanPostProcessor quietSessionRepository(Environment environment,
			ObjectProvider<PlatformTransactionManager> transactionManager) {
		Duration touchInterval = environment.getProperty("walletdesk.security.session.touch-interval", Duration.class,
				Duration.ofSeconds(30));
		return new BeanPostProcessor() {

			@Override
			public Object postProcessBeforeInitialization(Object bean, String beanName) {
				// before the configuration builds the repository: its transactions, with reads left out
				if (bean instanceof JdbcHttpSessionConfiguration configuration) {
					configuration.setTransactionOperations(new SessionTransactions(transactionManager::getObject));
				}
				return bean;
			}

			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof JdbcIndexedSessionRepository sessions
						? QuietSessionRepository.around(sessions, touchInterval) : bean;
			}

		};
	}

	/** Around Spring Session's filter: the span in which a session read once is not read again. */
	@Bean
	FilterRegistrationBean<SessionsReadInRequest> sessionsReadInRequest() {
		FilterRegistrationBean<SessionsReadInRequest> registration = new FilterRegistrationBean<>(
				new SessionsReadInRequest());
		registration.setOrder(SessionRepositoryFilter.DEFAULT_ORDER - 1);
		return registration;
	}

	static final class SessionsReadInRequest extends OncePerRequestFilter {

		@Override
		protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
				throws ServletException, IOException {
			QuietSessionRepository.openRequest();
			try {
				chain.doFilter(request, response);
			}
			finally {
				QuietSessionRepository.closeRequest();
			}
		}

	}

}
