package com.walletdesk.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/**
 * Which database this test JVM runs against. The failsafe plugin runs the integration tests
 * twice: once with {@code walletdesk.test.db=h2} (an in-memory database per Spring context) and
 * once with {@code postgresql}. The PostgreSQL run is skipped only when no server answers and we
 * are not in CI; in CI ({@code CI=true}) an unreachable server fails the run.
 */
public final class TestDatabase {

	private TestDatabase() {
	}

	public static boolean isPostgres() {
		return "postgresql".equals(System.getProperty("walletdesk.test.db"));
	}

	public static String postgresUrl() {
		String fromEnv = System.getenv("WALLETDESK_TEST_PG_URL");
		if (fromEnv != null && !fromEnv.isBlank()) {
			return fromEnv;
		}
		return System.getProperty("walletdesk.test.pg-url", "jdbc:postgresql://127.0.0.1:5432/walletdesk_test");
	}

	public static String postgresUser() {
		return env("WALLETDESK_TEST_PG_USER", "walletdesk");
	}

	public static String postgresPassword() {
		return env("WALLETDESK_TEST_PG_PASSWORD", "walletdesk");
	}

	public static String newH2Url() {
		return "jdbc:h2:mem:wd" + UUID.randomUUID().toString().replace("-", "")
				+ ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
	}

	/** Whether the PostgreSQL server of the tests answers; the answer is cached for the JVM. */
	public static synchronized boolean postgresReachable() {
		if (reachable == null) {
			try (Connection connection = DriverManager.getConnection(postgresUrl(), postgresUser(), postgresPassword())) {
				reachable = connection.isValid(5);
			}
			catch (SQLException ex) {
				reachable = false;
				reason = ex.getMessage();
			}
		}
		return reachable;
	}

	public static String unreachableReason() {
		return reason;
	}

	public static boolean inCi() {
		return "true".equalsIgnoreCase(System.getenv("CI"));
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

	private static Boolean reachable;

	private static String reason;

}
