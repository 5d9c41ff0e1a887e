package com.walletdesk.account.session;

import java.time.Duration;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * Sessions live in the database (Spring Session JDBC, configured by Spring Boot: its table,
 * timeout, clean-up and transactions as they come) so that any instance can serve any request.
 * The one thing added: the repository Boot built is used through a {@link TouchIntervalSessions},
 * which writes a session back for its idle clock alone at most once per
 * {@code walletdesk.security.session.touch-interval}. The decorator sees only Spring Session's
 * public {@link FindByIndexNameSessionRepository} interface.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfig {

	@Bean
	static BeanPostProcessor touchIntervalSessions(Environment environment) {
		Duration touchInterval = environment.getProperty("walletdesk.security.session.touch-interval", Duration.class,
				Duration.ofSeconds(30));
		return new BeanPostProcessor() {

			@Override
			@SuppressWarnings("unchecked")
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				return bean instanceof FindByIndexNameSessionRepository<?> sessions
						&& !(bean instanceof TouchIntervalSessions<?>)
								? TouchIntervalSessions.around((FindByIndexNameSessionRepository<Session>) sessions,
										touchInterval)
								: bean;
			}

		};
	}

}
