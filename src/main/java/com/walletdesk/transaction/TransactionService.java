package com.walletdesk.transaction;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The write side of transactions, for the modules allowed to write them (ingestion, refunds).
 * Callers check the caller's rights; this class keeps the table's own rules: a refund always
 * names a charge of the same store and never takes it beyond its amount.
 */
@Service
public class TransactionService {

	private final Transactions transactions;

	TransactionService(Transactions transactions) {
		this.transactions = transactions;
	}

	/** A fresh 12-digit gateway ID, unique across instances. */
	public String issueId() {
		return this.transactions.nextId();
	}

	/** Any transaction by id, unscoped: for trusted writers that check rights themselves. */
	public Optional<TransactionRow> findById(String id) {
		return this.transactions.findById(id);
	}

	/** The row, locked until the surrounding database transaction ends. */
	@Transactional
	public Optional<TransactionRow> lock(String id) {
		return this.transactions.findByIdForUpdate(id);
	}

	/**
	 * Stores a transaction. A refund made in the app is added to its charge's refunded amount in
	 * the same database transaction; false (and nothing stored) when it exceeds what remains.
	 */
	@Transactional
	public boolean record(TransactionRow row) {
		if (!row.isCharge() && !this.transactions.addRefunded(row.parentId(), row.amount())) {
			return false;
		}
		this.transactions.insert(row);
		return true;
	}

}
