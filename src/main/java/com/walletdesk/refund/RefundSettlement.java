package com.walletdesk.refund;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.function.Consumer;

import com.walletdesk.audit.AuditService;
import com.walletdesk.jdbc.WritesAtCommit;
import com.walletdesk.money.Money;
import com.walletdesk.transaction.TransactionIdTakenException;
import com.walletdesk.transaction.TransactionRow;
import com.walletdesk.transaction.TransactionService;
import com.walletdesk.wallet.WalletAnswer;
import com.walletdesk.web.ProblemException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two database transactions of a refund (DESIGN.md "The refund, step by step"); the wallet
 * is called between them, outside any transaction.
 * <ul>
 * <li>A ({@link #reserve}): the refund row by idempotency key, then the reservation on the
 * charge and on its store's China day (each a guarded UPDATE that locks its row, both sent with
 * the commit in one round trip); or a refusal with nothing changed.</li>
 * <li>B ({@link #settle}): the wallet's answer applied to a refund still pending: succeeded
 * (refund_dashboard transaction, reservation moved to refunded), failed (reservation released),
 * or left pending.</li>
 * </ul>
 * Locks are always taken in the same order (refund key, charge, day row) so refunds never
 * deadlock one another, nor the transaction module's other writers (charge rows before day rows).
 */
@Component
class RefundSettlement {

	private final TransactionTemplate transaction;

	private final TransactionService transactions;

	private final Refunds refunds;

	private final Clock clock;

	private final RefundCheckpoints checkpoints;

	private final Duration firstCheckAfter;

	private final WritesAtCommit atCommit;

	RefundSettlement(PlatformTransactionManager transactionManager, TransactionService transactions, Refunds refunds,
			Clock clock, RefundCheckpoints checkpoints,
			@Value("${walletdesk.refund.reconcile.pending-after:PT2M}") Duration firstCheckAfter,
			WritesAtCommit atCommit) {
		this.transaction = new TransactionTemplate(transactionManager);
		this.transactions = transactions;
		this.refunds = refunds;
		this.clock = clock;
		this.checkpoints = checkpoints;
		this.firstCheckAfter = firstCheckAfter;
		this.atCommit = atCommit;
	}

	/** The outcome of transaction A: a new refund, reserved; or the refund already holding the key. */
	sealed interface Reservation permits Reserved, KeyTaken {
	}

	record Reserved(Refund refund, TransactionRow charge) implements Reservation {
	}

	record KeyTaken(Refund existing) implements Reservation {
	}

	/**
	 * Transaction A, for a charge already read and checked (its immutable fields: store,
	 * currency, amount, type). Throws a {@link ProblemException} (and changes nothing: the whole
	 * transaction rolls back, refund row included) when the refund does not fit the charge or the
	 * day. Locks, always in this order: the idempotency key (unique index), the charge row, the
	 * day's row.
	 */
	Reservation reserve(long accountId, String username, ValidRefundRequest request, TransactionRow charge) {
		return this.transaction.execute(status -> {
			Instant now = now();
			// the key first: a request repeating a key is answered from its refund, before any rule
			// (with no amount given, the charge's amount stands in until the remaining is known)
			Money asked = request.amount() != null ? request.amount() : charge.amountMoney();
			Optional<Refund> stored = this.refunds.insertIfAbsent(Refund.pending(accountId, username,
					request.idempotencyKey(), request.fingerprint(), charge.id(), charge.storeId(), asked,
					request.reason(), now, now.plus(this.firstCheckAfter)), AuditService.currentSourceIp());
			if (stored.isEmpty()) {
				return new KeyTaken(this.refunds.findByKey(accountId, request.idempotencyKey()).orElseThrow());
			}
			Refund refund = stored.get();
			if (request.amount() == null) {
				long remaining = this.transactions.lock(charge.id()).map(TransactionRow::remaining).orElse(0L);
				if (remaining <= 0) {
					throw notRefundable();
				}
				refund = refund.withWholeRemaining(remaining);
				this.refunds.changeAmount(refund.id(), refund.amount());
			}
			// the charge's and the day's guarded UPDATEs, sent with the commit, refuse what does not
			// fit (the tables' CHECKs would too), exactly, however many refunds run at once: the
			// transaction then rolls back with the refusal, refund row included
			this.transactions.reserveRefundAtCommit(charge, refund.amount(), now, () -> exceedsRemaining(charge),
					() -> ProblemException.unprocessable(RefundCodes.DAILY_BALANCE_EXCEEDED,
							RefundCodes.DAILY_BALANCE_MESSAGE));
			return new Reserved(refund, charge);
		});
	}

	/**
	 * Transaction B: applies a wallet answer to a refund that is still pending (a refund settled
	 * meanwhile, by the reconciler or another instance, is left as it is), and records the first
	 * answer when the request is answering now or the refund has reached its final state.
	 */
	Refund settle(long refundId, WalletAnswer answer, boolean answeringRequest) {
		return settle(refundId, answer, answeringRequest, refund -> {
		});
	}

	/**
	 * {@link #settle(long, WalletAnswer, boolean)}, with {@code record} given the refund as
	 * settled, in the same transaction (its audit record commits with it).
	 */
	Refund settle(long refundId, WalletAnswer answer, boolean answeringRequest, Consumer<Refund> record) {
		try {
			return settle(refundId, answer, answeringRequest, record, true);
		}
		catch (TransactionIdTakenException taken) {
			// a channel sent a transaction in under the ID drawn for this refund; all of it rolled
			// back: settle again under a new ID
			return settle(refundId, answer, answeringRequest, record, false);
		}
	}

	/**
	 * One try of transaction B; {@code underPlannedId}: its refund_dashboard transaction takes the
	 * ID drawn with the refund ({@link Refund#plannedTransactionId()}, when it has one).
	 */
	private Refund settle(long refundId, WalletAnswer answer, boolean answeringRequest, Consumer<Refund> record,
			boolean underPlannedId) {
		return this.transaction.execute(status -> {
			// B's commit does not wait for the disk; A's did. Should a crash of the database server
			// lose B, the refund is still pending and reserved, and the reconciler settles it from
			// the wallet's answer, under the transaction ID drawn in A: what the request answered
			// comes true. One wait for the disk per refund instead of two (docs/refunds.md).
			this.atCommit.commitWithoutWaitingForTheDisk();
			Instant now = now();
			Refund before = this.refunds.lock(refundId).orElseThrow();
			Refund after = before;
			TransactionRow charge = null;
			if (before.isPending()) {
				switch (answer.status()) {
					case SUCCEEDED -> {
						TransactionService.SettledRefund settled = this.transactions.settleRefund(before.chargeId(),
								before.amount(), before.createdAt(), answer.providerReference(),
								underPlannedId ? before.plannedTransactionId() : null);
						charge = settled.charge();
						after = before.succeed(settled.transactionId(), answer.providerReference(), now);
					}
					case DECLINED -> {
						charge = this.transactions.releaseRefund(before.chargeId(), before.amount(), before.createdAt());
						after = before.fail(declineMessage(answer), answer.providerReference(), now);
					}
					case NOT_FOUND, UNKNOWN -> {
						// no definite answer: stays pending and reserved until the reconciler knows more
					}
				}
			}
			if (!after.isAnswered() && (answeringRequest || after.state().isFinal())) {
				after = after.answer(charge != null ? charge.remaining() : remainingOf(before.chargeId()));
			}
			if (after != before) {
				this.refunds.updateAtCommit(before, after);
			}
			record.accept(after);
			this.checkpoints.reached(RefundCheckpoints.Step.BEFORE_SETTLEMENT_COMMIT);
			return after;
		});
	}

	/** NOT_REFUNDABLE when nothing remains (API.md), else REFUND_EXCEEDS_REMAINING naming what does. */
	private ProblemException exceedsRemaining(TransactionRow charge) {
		long remaining = remainingOf(charge.id());
		if (remaining <= 0) {
			return notRefundable();
		}
		return ProblemException.unprocessable(RefundCodes.REFUND_EXCEEDS_REMAINING,
				"The refund amount is greater than what remains of the charge ("
						+ Money.ofMinor(remaining, charge.currency()) + ")");
	}

	private long remainingOf(String chargeId) {
		return this.transactions.findById(chargeId).map(TransactionRow::remaining).orElseThrow();
	}

	static String declineMessage(WalletAnswer answer) {
		return answer.message() == null || answer.message().isBlank() ? "The wallet declined the refund"
				: answer.message();
	}

	private Instant now() {
		// stored with millisecond precision, so what a replay reads back equals what was first sent
		return this.clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static ProblemException notRefundable() {
		return ProblemException.unprocessable(RefundCodes.NOT_REFUNDABLE,
				"This transaction cannot be refunded: it is not a charge, or nothing remains of it");
	}

}
