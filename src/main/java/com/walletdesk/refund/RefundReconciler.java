package com.walletdesk.refund;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import com.walletdesk.transaction.TransactionRow;
import com.walletdesk.transaction.TransactionService;
import com.walletdesk.wallet.WalletAnswer;
import com.walletdesk.wallet.WalletService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Settles refunds left pending (the wallet did not answer in time, or the process stopped
 * between the reservation and the answer). For each refund pending longer than the threshold it
 * asks the wallet: an answer settles it; a wallet that never received it gets it again, with the
 * same idempotency key (so the wallet can never apply it twice) and its answer settles it; no
 * answer leaves it pending until the next check, on a back-off (1 min, 5 min, 1 h, then daily by
 * default).
 *
 * <p>Safe with any number of instances: refunds due are claimed in a short transaction with
 * {@code FOR UPDATE SKIP LOCKED}, and the claim itself moves their next check into the future,
 * so no two reconcilers ask about the same refund at once. The wallet is called outside any
 * transaction; settling is guarded by the refund's state, so a request or another instance that
 * settled it meanwhile wins and nothing is applied twice.
 */
@Component
public class RefundReconciler {

	private static final Logger log = LoggerFactory.getLogger(RefundReconciler.class);

	private final TransactionTemplate transaction;

	private final Refunds refunds;

	private final TransactionService transactions;

	private final RefundSettlement settlement;

	private final WalletService wallet;

	private final Clock clock;

	private final List<Duration> backoff;

	private final int batchSize;

	RefundReconciler(PlatformTransactionManager transactionManager, Refunds refunds, TransactionService transactions,
			RefundSettlement settlement, WalletService wallet, Clock clock,
			@Value("${walletdesk.refund.reconcile.backoff:PT1M,PT5M,PT1H,P1D}") List<Duration> backoff,
			@Value("${walletdesk.refund.reconcile.batch-size:50}") int batchSize) {
		this.transaction = new TransactionTemplate(transactionManager);
		this.refunds = refunds;
		this.transactions = transactions;
		this.settlement = settlement;
		this.wallet = wallet;
		this.clock = clock;
		if (backoff.isEmpty()) {
			throw new IllegalArgumentException("walletdesk.refund.reconcile.backoff needs at least one duration");
		}
		this.backoff = List.copyOf(backoff);
		this.batchSize = batchSize;
	}

	/** What one pass did. */
	public record Report(int checked, int succeeded, int failed, int stillPending) {
	}

	/** One pass: every refund due now (in batches), each asked about once. */
	public Report reconcile() {
		int checked = 0, succeeded = 0, failed = 0, pending = 0;
		List<Refunds.Due> due;
		do {
			due = claimDue();
			for (Refunds.Due claim : due) {
				checked++;
				switch (check(claim.id())) {
					case SUCCEEDED -> succeeded++;
					case FAILED -> failed++;
					case PENDING -> pending++;
				}
			}
		}
		while (due.size() == this.batchSize);
		if (checked > 0) {
			log.info("Refund reconciliation: {} checked, {} succeeded, {} failed, {} still pending", checked, succeeded,
					failed, pending);
		}
		return new Report(checked, succeeded, failed, pending);
	}

	/** The back-off: how long after its {@code attempt}-th check (1-based) a refund is checked again. */
	Duration delayAfter(int attempt) {
		return this.backoff.get(Math.min(attempt, this.backoff.size()) - 1);
	}

	/** Claims a batch: locks due refunds (skipping locked ones), counts the check, sets the next. */
	private List<Refunds.Due> claimDue() {
		return this.transaction.execute(status -> {
			Instant now = this.clock.instant();
			List<Refunds.Due> due = this.refunds.lockDue(now, this.batchSize);
			for (Refunds.Due claim : due) {
				int attempt = claim.attempts() + 1;
				this.refunds.scheduleNextCheck(claim.id(), attempt, now.plus(delayAfter(attempt)));
			}
			return due;
		});
	}

	private RefundState check(long refundId) {
		try {
			Refund refund = this.refunds.findById(refundId).orElseThrow();
			if (!refund.isPending()) {
				return refund.state();
			}
			TransactionRow charge = this.transactions.findById(refund.chargeId()).orElseThrow();
			var order = RefundService.order(refund, charge);
			WalletAnswer answer = this.wallet.queryRefund(order);
			if (answer.status() == WalletAnswer.Status.NOT_FOUND) {
				// never reached the wallet: send it again; the same key makes this safe
				answer = this.wallet.refund(order);
			}
			// the settlement writes the reconciler's audit record when the refund ends here
			return this.settlement.settleForReconciler(refundId, answer).state();
		}
		catch (RuntimeException ex) {
			log.warn("Refund {} could not be reconciled now; it stays pending until its next check", refundId, ex);
			return RefundState.PENDING;
		}
	}

}
