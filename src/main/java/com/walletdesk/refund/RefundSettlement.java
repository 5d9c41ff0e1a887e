package com.walletdesk.refund;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

import com.walletdesk.money.Money;
import com.walletdesk.transaction.RefundNotReservedException;
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
 * is called between them, outside any transaction. Both commit as usual: each waits until its
 * changes are on disk, so a refund the request answered for stays answered after any crash.
 * <ul>
 * <li>A ({@link #reserve}): the refund row by idempotency key, then the reservation on the
 * charge and on its store's China day (each a guarded UPDATE that locks its row); or a refusal
 * with nothing changed.</li>
 * <li>B ({@link #settleForRequest}, {@link #settleForReconciler}): the wallet's answer applied to
 * a refund still pending: succeeded (refund_dashboard transaction, reservation moved to
 * refunded), failed (reservation released), or left pending; with its audit record.</li>
 * </ul>
 * Locks are always taken in the same order (refund key, charge, day row) so refunds never
 * deadlock one another, nor the transaction module's other writers (charge rows before day rows).
 */
@Component
class RefundSettlement {

	private final TransactionTemplate transaction;

	private final TransactionService transactions;

	private final Refunds refunds;

	private final RefundAudit audit;

	private final Clock clock;

	private final RefundCheckpoints checkpoints;

	private final Duration firstCheckAfter;

	RefundSettlement(PlatformTransactionManager transactionManager, TransactionService transactions, Refunds refunds,
			RefundAudit audit, Clock clock, RefundCheckpoints checkpoints,
			@Value("${walletdesk.refund.reconcile.pending-after:PT2M}") Duration firstCheckAfter) {
		this.transaction = new TransactionTemplate(transactionManager);
		this.transactions = transactions;
		this.refunds = refunds;
		this.audit = audit;
		this.clock = clock;
		this.checkpoints = checkpoints;
		this.firstCheckAfter = firstCheckAfter;
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
					request.reason(), now, now.plus(this.firstCheckAfter)));
			if (stored.isEmpty()) {
				return new KeyTaken(this.refunds.findByKey(accountId, request.idempotencyKey()).orElseThrow());
			}
			Refund refund = stored.get();
			if (request.amount() == null) {
				long remaining = this.transactions.lock(charge.id()).map(TransactionRow::remaining).orElse(0L);
				if (remaining <= 0) {
					throw Refusals.notRefundable();
				}
				refund = refund.withWholeRemaining(remaining);
				this.refunds.changeAmount(refund.id(), refund.amount());
			}
			try {
				this.transactions.reserveRefund(charge, refund.amount(), now);
			}
			catch (RefundNotReservedException refused) {
				// thrown out of this transaction: it rolls back, refund row included
				throw switch (refused.reason()) {
					case EXCEEDS_REMAINING -> {
						// nothing left is NOT_REFUNDABLE (API.md, issue 15); EXCEEDS is for more than a remaining > 0
						Money left = remainingOf(charge);
						yield left.minor() <= 0 ? Refusals.notRefundable() : Refusals.exceedsRemaining(left);
					}
					case EXCEEDS_DAILY_BALANCE -> Refusals.dailyBalanceExceeded();
				};
			}
			return new Reserved(refund, charge);
		});
	}

	/**
	 * Transaction B for the request that reserved the refund: applies the wallet's answer,
	 * records the request's answer, and writes the attempt's audit record, in one commit.
	 *
	 * @param chargeId the charge as the request named it (the audit record's resource)
	 */
	Refund settleForRequest(long refundId, WalletAnswer answer, String username, String chargeId,
			RefundCommand command) {
		return this.transaction.execute(status -> {
			Refund settled = apply(refundId, answer, true).after();
			this.audit.settledAttempt(username, chargeId, command, RefundResult.firstAnswer(settled, false));
			this.checkpoints.reached(RefundCheckpoints.Step.BEFORE_SETTLEMENT_COMMIT);
			return settled;
		});
	}

	/**
	 * Transaction B for the reconciler: applies the wallet's answer to a refund still pending; a
	 * refund that reaches its final state here gets the reconciler's audit record, in the same
	 * commit. A refund settled meanwhile (by its request or another instance) is left as it is.
	 */
	Refund settleForReconciler(long refundId, WalletAnswer answer) {
		return this.transaction.execute(status -> {
			Move move = apply(refundId, answer, false);
			if (move.before().isPending() && move.after().state().isFinal()) {
				this.audit.reconciled(move.after());
			}
			this.checkpoints.reached(RefundCheckpoints.Step.BEFORE_SETTLEMENT_COMMIT);
			return move.after();
		});
	}

	/** A settlement from outside a request: the refund as B found it (locked) and as B left it. */
	record Settled(Refund before, Refund after) {
	}

	/**
	 * {@link #settleForReconciler} for a wallet's notification, telling whether this call moved it
	 * (two notifications at once: one moves it, the other finds it settled).
	 */
	Settled settleFromWallet(long refundId, WalletAnswer answer) {
		return this.transaction.execute(status -> {
			Move move = apply(refundId, answer, false);
			if (move.before().isPending() && move.after().state().isFinal()) {
				this.audit.reconciled(move.after());
			}
			return new Settled(move.before(), move.after());
		});
	}

	/**
	 * Applies a wallet answer to a refund that is still pending, and records the first answer when
	 * the request is answering now or the refund has reached its final state. Inside B.
	 */
	private Move apply(long refundId, WalletAnswer answer, boolean answeringRequest) {
		Instant now = now();
		Refund before = this.refunds.lock(refundId).orElseThrow();
		Refund after = before;
		TransactionRow charge = null;
		if (before.isPending()) {
			switch (answer.status()) {
				case SUCCEEDED -> {
					TransactionService.SettledRefund settled = this.transactions.settleRefund(before.chargeId(),
							before.amount(), before.createdAt(), answer.providerReference());
					charge = settled.charge();
					after = before.succeed(settled.transactionId(), answer.providerReference(), now);
				}
				case DECLINED -> {
					charge = this.transactions.releaseRefund(before.chargeId(), before.amount(), before.createdAt());
					after = before.fail(declineMessage(answer), answer.providerReference(), now);
				}
				case NOT_FOUND, UNKNOWN, ABNORMAL -> {
					// no definite answer: stays pending and reserved until the reconciler knows more
				}
			}
		}
		if (!after.isAnswered() && (answeringRequest || after.state().isFinal())) {
			after = after.answer(charge != null ? charge.remaining() : remainingOf(before.chargeId()));
		}
		if (after != before) {
			this.refunds.update(before, after);
		}
		if (answer.status() == WalletAnswer.Status.ABNORMAL && after.isPending()) {
			// stuck at the wallet: stays reserved, listed for an operator (RefundAttention), never released here
			this.refunds.flagAttention(before.id(), now, answer.providerReference(), answer.message());
		}
		return new Move(before, after);
	}

	/** A refund as B found it (locked) and as B leaves it. */
	private record Move(Refund before, Refund after) {
	}

	private Money remainingOf(TransactionRow charge) {
		return Money.ofMinor(remainingOf(charge.id()), charge.currency());
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

}
