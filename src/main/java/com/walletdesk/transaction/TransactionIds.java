package com.walletdesk.transaction;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Gateway IDs this system issues: the sequence's values as 12 digits, and which are taken already. */
@Repository
class TransactionIds {

	private static final long LARGEST_ID = 999_999_999_999L;

	private final JdbcClient jdbc;

	TransactionIds(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The next {@code count} values of the id sequence, as 12-digit ids, in one round trip. */
	List<String> next(int count) {
		return this.jdbc.sql("SELECT nextval('transaction_id_seq') AS id FROM generate_series(1, :count)")
			.param("count", count)
			.query((rs, n) -> {
				long value = rs.getLong("id");
				if (value > LARGEST_ID) {
					throw new IllegalStateException("transaction_id_seq has run past 12 digits");
				}
				return String.format("%012d", value);
			})
			.list();
	}

	/** Which of these ids a stored transaction has already. */
	Set<String> taken(Collection<String> ids) {
		Set<String> existing = new HashSet<>();
		for (List<String> chunk : Transactions.chunks(List.copyOf(ids))) {
			existing.addAll(this.jdbc.sql("SELECT t.id FROM wallet_transaction t WHERE t.id IN (:ids)")
				.param("ids", chunk)
				.query(String.class)
				.list());
		}
		return existing;
	}

}
