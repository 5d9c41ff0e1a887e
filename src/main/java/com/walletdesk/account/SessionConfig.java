package com.walletdesk.account;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sessions live in the database (Spring Session JDBC) so that any instance can serve any
 * request, at the cost of reading the session on every request; {@link #touchAtMostEvery}
 * keeps it from also writing it on every request.
 */
@Configuration(proxyBeanMethods = false)
class SessionConfig {

	/**
	 * Spring Session writes a used session back on every request, because its last-access time
	 * moved: a row update and a commit per request for nothing but the idle clock. This update
	 * (Spring Session's own, made conditional) changes the row only when something else changed
	 * (the ID at sign-in, the lifetime, the principal) or when the stored last-access time is
	 * {@code touchInterval} old; otherwise it matches no row and writes nothing. The price: the
	 * idle timeout may end a session up to {@code touchInterval} early. MERGE, because the new
	 * values are compared with the stored ones and each parameter can be bound only once; H2 and
	 * PostgreSQL (15 and later) both run it. Applied after Spring Boot's customizer, which sets
	 * the table name and with it resets the queries.
	 */
	@Bean
	SessionRepositoryCustomizer<JdbcIndexedSessionRepository> touchAtMostEvery(
			@Value("${walletdesk.security.session.touch-interval:30s}") Duration touchInterval) {
		String update = """
				MERGE INTO %%TABLE_NAME%% S
				USING (SELECT CAST(? AS CHAR(36)) AS SESSION_ID, CAST(? AS BIGINT) AS LAST_ACCESS_TIME,
				  CAST(? AS INT) AS MAX_INACTIVE_INTERVAL, CAST(? AS BIGINT) AS EXPIRY_TIME,
				  CAST(? AS VARCHAR(100)) AS PRINCIPAL_NAME, CAST(? AS CHAR(36)) AS PRIMARY_ID) N
				ON S.PRIMARY_ID = N.PRIMARY_ID
				WHEN MATCHED AND (S.SESSION_ID <> N.SESSION_ID OR S.MAX_INACTIVE_INTERVAL <> N.MAX_INACTIVE_INTERVAL
				  OR S.PRINCIPAL_NAME IS DISTINCT FROM N.PRINCIPAL_NAME
				  OR N.LAST_ACCESS_TIME - S.LAST_ACCESS_TIME >= %d)
				THEN UPDATE SET SESSION_ID = N.SESSION_ID, LAST_ACCESS_TIME = N.LAST_ACCESS_TIME,
				  MAX_INACTIVE_INTERVAL = N.MAX_INACTIVE_INTERVAL, EXPIRY_TIME = N.EXPIRY_TIME,
				  PRINCIPAL_NAME = N.PRINCIPAL_NAME""".formatted(touchInterval.toMillis());
		return sessions -> sessions.setUpdateSessionQuery(update);
	}

}
