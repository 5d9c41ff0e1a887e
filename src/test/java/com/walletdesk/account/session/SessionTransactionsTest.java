package com.walletdesk.account.session;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

import static org.assertj.core.api.Assertions.assertThat;

/** Spring Session's statements run in a transaction of their own, except a session's read. */
class SessionTransactionsTest {

	private final RecordingTransactionManager manager = new RecordingTransactionManager();

	private final SessionTransactions transactions = new SessionTransactions(() -> this.manager);

	@Test
	void aSessionReadRunsWithoutATransaction() {
		String read = SessionTransactions.reading(() -> this.transactions.execute(status -> "session"));
		assertThat(read).isEqualTo("session");
		assertThat(this.manager.events).isEmpty();
	}

	@Test
	void writesRunInANewTransactionAndRollBackOnFailure() {
		this.transactions.execute(status -> "saved");
		assertThat(this.manager.events).containsExactly("begin", "commit");
		assertThat(this.manager.propagations).containsExactly(TransactionDefinition.PROPAGATION_REQUIRES_NEW);

		this.manager.events.clear();
		try {
			this.transactions.execute(status -> {
				throw new IllegalStateException("write failed");
			});
		}
		catch (IllegalStateException expected) {
			this.manager.events.add("thrown");
		}
		assertThat(this.manager.events).containsExactly("begin", "rollback", "thrown");
	}

	@Test
	void onlyTheReadItselfIsLeftOutAndAFailedReadLeavesNothingBehind() {
		try {
			SessionTransactions.reading(() -> {
				throw new IllegalStateException("read failed");
			});
		}
		catch (IllegalStateException expected) {
			// the flag must not outlive the read
		}
		this.transactions.execute(status -> "saved after the read");
		assertThat(this.manager.events).containsExactly("begin", "commit");
	}

	static final class RecordingTransactionManager extends AbstractPlatformTransactionManager {

		final List<String> events = new ArrayList<>();

		final List<Integer> propagations = new ArrayList<>();

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {
			this.events.add("begin");
			this.propagations.add(definition.getPropagationBehavior());
		}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
			this.events.add("commit");
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
			this.events.add("rollback");
		}

	}

}
