package com.walletdesk.account.session;

import java.util.function.Supplier;

import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionOperations;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The transactions Spring Session JDBC runs its statements in, except a session's read. Every
 * request reads its session: one SELECT, which needs no transaction, while the one Spring
 * Session opens around it costs the request a COMMIT round trip. Writes (a new session, its
 * attributes, a touch, a delete) keep their own transaction, as Spring Session makes it by
 * default ({@code REQUIRES_NEW}).
 */
final class SessionTransactions implements TransactionOperations {

	/** Set while {@link QuietSessionRepository} reads a session on this thread. */
	private static final ThreadLocal<Boolean> READING = new ThreadLocal<>();

	private final Supplier<PlatformTransactionManager> transactionManager;

	private volatile TransactionOperations transactions;

	/** @param transactionManager looked up on first use: a bean post-processor cannot wait for it */
	SessionTransactions(Supplier<PlatformTransactionManager> transactionManager) {
		this.transactionManager = transactionManager;
	}

	/** Runs Spring Session's read of a session with no transaction around its statements. */
	static <T> T reading(Supplier<T> read) {
		READING.set(Boolean.TRUE);
		try {
			return read.get();
		}
		finally {
			READING.remove();
		}
	}

	@Override
	public <T> T execute(TransactionCallback<T> action) throws TransactionException {
		if (READING.get() != null) {
			return TransactionOperations.withoutTransaction().execute(action);
		}
		return transactions().execute(action);
	}

	private TransactionOperations transactions() {
		TransactionOperations template = this.transactions;
		if (template == null) {
			TransactionTemplate created = new TransactionTemplate(this.transactionManager.get());
			created.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
			this.transactions = template = created;
		}
		return template;
	}

}
