package com.walletdesk.transaction;

import java.time.Instant;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
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

	// --- dashboard refunds: called by the refund module inside its own database transactions ---

	/**
	 * Reserves {@code amount} of a charge for a pending refund. The caller holds the charge's
	 * row lock ({@link #lock}); the guarded UPDATE and the table's CHECK refuse a reservation
	 * beyond the amount anyway. False (nothing changed) when it does not fit.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public boolean reserveRefund(String chargeId, long amount) {
		return this.transactions.addPending(chargeId, amount);
	}

	/** Gives back a reservation of a refund that failed. Returns the charge as it is now. */
	@Transactional(propagation = Propagation.MANDATORY)
	public TransactionRow releaseRefund(String chargeId, long amount) {
		if (!this.transactions.releasePending(chargeId, amount)) {
			throw new IllegalStateException("charge " + chargeId + " has less than " + amount + " reserved");
		}
		return this.transactions.findById(chargeId).orElseThrow();
	}

	/**
	 * Settles a reserved refund as succeeded: moves the reservation to the refunded amount and
	 * stores its {@code refund_dashboard} transaction (parent: the charge; created at the
	 * refund's own time, so the day it counts on never changes), in the caller's transaction.
	 * Returns the charge as it is now.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public TransactionRow settleRefund(String chargeId, long amount, String transactionId, Instant createdAt,
			String vendorReference) {
		if (!this.transactions.movePendingToRefunded(chargeId, amount)) {
			throw new IllegalStateException("charge " + chargeId + " has less than " + amount + " reserved");
		}
		TransactionRow charge = this.transactions.findById(chargeId).orElseThrow();
		this.transactions.insert(new TransactionRow(transactionId, charge.storeId(), TransactionRow.REFUND_DASHBOARD,
				charge.method(), charge.channel(), amount, 0, charge.currency(), createdAt, charge.reference(),
				vendorReference, chargeId, null, null, null, null, null, 0, 0));
		return charge;
	}

	/**
	 * Charges and refunds (of both kinds, as stored transactions) of a store in one currency
	 * created in [from, to). Pending dashboard refunds are not transactions yet: the refund
	 * module adds those.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public DayTotals totals(long storeId, String currency, Instant from, Instant to) {
		return this.transactions.totals(storeId, currency, from, to);
	}

	/** Sums in minor units: charges, and refunds of both kinds. */
	public record DayTotals(long sales, long refunds) {
	}

}
