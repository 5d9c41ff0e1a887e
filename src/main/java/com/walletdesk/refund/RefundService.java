package com.walletdesk.refund;

import java.util.List;
import java.util.UUID;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.money.Money;
import com.walletdesk.transaction.TransactionQuery;
import com.walletdesk.transaction.TransactionRow;
import com.walletdesk.wallet.RefundOrder;
import com.walletdesk.wallet.WalletAnswer;
import com.walletdesk.wallet.WalletService;
import com.walletdesk.web.ProblemException;

import org.springframework.stereotype.Service;

/**
 * Dashboard refunds: the module's API for the refund endpoints and pages.
 * <ol>
 * <li>Validate (key, scope, privilege, reason, amount): a refusal with nothing touched.</li>
 * <li>Transaction A: refund row by idempotency key, charge and day rows locked, checks,
 * reservation ({@link RefundSettlement#reserve}).</li>
 * <li>The wallet, outside any transaction, with the refund's ID as its idempotency key and a
 * time limit ({@link WalletService}).</li>
 * <li>Transaction B: succeeded, failed, or left pending for the reconciler
 * ({@link RefundSettlement#settle}).</li>
 * </ol>
 * Every attempt is audited. The same idempotency key and body get the first answer again; a
 * request refused before its reservation leaves no refund behind, so its key stays free.
 */
@Service
public class RefundService {

	private final TransactionQuery query;

	private final RefundSettlement settlement;

	private final Refunds refunds;

	private final WalletService wallet;

	private final RefundAudit audit;

	private final RefundCheckpoints checkpoints;

	RefundService(TransactionQuery query, RefundSettlement settlement, Refunds refunds, WalletService wallet,
			RefundAudit audit, RefundCheckpoints checkpoints) {
		this.query = query;
		this.settlement = settlement;
		this.refunds = refunds;
		this.wallet = wallet;
		this.audit = audit;
		this.checkpoints = checkpoints;
	}

	/**
	 * Refunds a charge, fully ({@code command.amount()} null) or in part. Never throws for a
	 * refusal: the result carries the status and code of API.md (404 outside the caller's scope,
	 * 403 {@code REFUND_NOT_PERMITTED}, 400 for the key, 409, 422 with the codes of
	 * {@link RefundCodes}). Throws only on an unexpected failure (which the refund survives:
	 * reconciliation settles it).
	 *
	 * @param idempotencyKey one per refund the user means (one per dialog), 1..255 printable characters
	 */
	public RefundResult refund(CurrentUser user, String chargeId, RefundCommand command, String idempotencyKey) {
		RefundCommand asked = command == null ? new RefundCommand(null, null) : command;
		Attempt attempt;
		try {
			attempt = attempt(user, chargeId, asked, idempotencyKey);
		}
		catch (ProblemException refusal) {
			attempt = new Attempt(RefundResult.refused(refusal, false), false);
		}
		catch (RuntimeException ex) {
			this.audit.error(user.username(), chargeId, asked, ex);
			throw ex;
		}
		if (!attempt.recorded()) {
			this.audit.attempt(user.username(), chargeId, asked, attempt.result());
		}
		return attempt.result();
	}

	/** An attempt's answer, and whether its audit record was already written (with its settlement). */
	private record Attempt(RefundResult result, boolean recorded) {
	}

	/** The dashboard refunds of a charge the caller can see, oldest first (404 outside its scope). */
	public List<RefundView> refundsOf(CurrentUser user, String chargeId) {
		TransactionRow charge = this.query.find(user, chargeId);
		return this.refunds.findByCharge(charge.id()).stream().map(RefundView::of).toList();
	}

	/**
	 * What the refund dialog shows for a charge: the charge, what remains of it (the pre-filled
	 * amount) and a fresh idempotency key for this dialog. Refuses like {@link #refund}: 404,
	 * 403 {@code REFUND_NOT_PERMITTED}, 422 {@code NOT_REFUNDABLE} (thrown as
	 * {@link ProblemException}).
	 */
	public RefundDraft draft(CurrentUser user, String chargeId) {
		TransactionRow charge = this.query.find(user, chargeId);
		requirePrivilege(user);
		if (!charge.isCharge() || charge.remaining() <= 0) {
			throw Refusals.notRefundable();
		}
		return new RefundDraft(charge, charge.remainingMoney(), newIdempotencyKey());
	}

	/** A key for one refund the user means: give each dialog (each confirmation) its own. */
	public static String newIdempotencyKey() {
		return UUID.randomUUID().toString();
	}

	/**
	 * The refund dialog's content.
	 *
	 * @param remaining the charge's amount minus its succeeded and pending refunds
	 */
	public record RefundDraft(TransactionRow charge, Money remaining, String idempotencyKey) {
	}

	private Attempt attempt(CurrentUser user, String chargeId, RefundCommand command, String idempotencyKey) {
		String key = ValidRefundRequest.checkKey(idempotencyKey);
		TransactionRow charge = this.query.find(user, chargeId);
		requirePrivilege(user);
		if (!charge.isCharge()) {
			throw Refusals.notRefundable();
		}
		String reason = ValidRefundRequest.checkReason(command.reason());
		Money amount = ValidRefundRequest.checkAmount(command.amount(), charge.currency());
		ValidRefundRequest request = ValidRefundRequest.of(key, charge.id(), amount, reason);
		this.wallet.refusal(charge.storeId(), charge.method(), charge.vendorReference()).ifPresent(why -> {
			throw Refusals.notRefundable(why);
		});

		// a key already used is found by transaction A's unique insert (no lookup before it)
		RefundSettlement.Reservation reservation = this.settlement.reserve(user.accountId(), user.username(),
				request, charge);
		if (reservation instanceof RefundSettlement.KeyTaken taken) {
			return new Attempt(answerExisting(taken.existing(), request), false);
		}
		RefundSettlement.Reserved reserved = (RefundSettlement.Reserved) reservation;
		this.checkpoints.reached(RefundCheckpoints.Step.AFTER_RESERVATION);
		WalletAnswer answer = this.wallet.refund(order(reserved.refund(), reserved.charge()));
		this.checkpoints.reached(RefundCheckpoints.Step.AFTER_WALLET_ANSWER);
		// the settlement writes the attempt's audit record, in its own commit
		Refund settled = this.settlement.settleForRequest(reserved.refund().id(), answer, user.username(), chargeId,
				command);
		return new Attempt(RefundResult.firstAnswer(settled, false), true);
	}

	/** A request with a key already used by this account: its first answer, or why not. */
	private static RefundResult answerExisting(Refund existing, ValidRefundRequest request) {
		if (!existing.fingerprint().equals(request.fingerprint())) {
			throw Refusals.keyReused();
		}
		if (!existing.isAnswered()) {
			throw Refusals.inProgress();
		}
		return RefundResult.firstAnswer(existing, true);
	}

	static RefundOrder order(Refund refund, TransactionRow charge) {
		return new RefundOrder(refund.walletKey(), charge.id(), charge.vendorReference(), charge.method(),
				charge.storeId(), refund.amountMoney(), charge.amountMoney(), refund.reason());
	}

	private static void requirePrivilege(CurrentUser user) {
		if (!user.canRefund()) {
			throw Refusals.notPermitted();
		}
	}

}
