package com.walletdesk.support;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Runs integration tests on the database of this JVM: on PostgreSQL only when a server answers
 * (in CI an unreachable server is a failure, never a silent skip), and tests marked
 * {@link PostgresOnly} only there.
 */
class DatabaseSelection implements ExecutionCondition {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		boolean postgresOnly = context.getTestClass().map(c -> c.isAnnotationPresent(PostgresOnly.class)).orElse(false);
		if (!TestDatabase.isPostgres()) {
			return postgresOnly ? ConditionEvaluationResult.disabled("runs on PostgreSQL only (see the postgresql run)")
					: ConditionEvaluationResult.enabled("H2 run");
		}
		if (TestDatabase.postgresReachable()) {
			return ConditionEvaluationResult.enabled("PostgreSQL at " + TestDatabase.postgresUrl());
		}
		if (TestDatabase.inCi()) {
			throw new IllegalStateException("CI=true but PostgreSQL is not reachable at " + TestDatabase.postgresUrl()
					+ ": " + TestDatabase.unreachableReason());
		}
		return ConditionEvaluationResult.disabled("PostgreSQL not reachable at " + TestDatabase.postgresUrl());
	}

}
