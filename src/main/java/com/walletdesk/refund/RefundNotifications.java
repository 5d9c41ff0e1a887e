package com.walletdesk.refund;

import java.util.Optional;

import com.walletdesk.wallet.WalletNotice;

import org.springframework.stereotype.Service;

/**
 * Settles refunds from the wallets' verified notifications. At most once however often a
 * notification arrives, and however many arrive at once: the settlement locks the refund row and
 * applies an answer only to a refund still pending (the others see it settled and change nothing).
 * A notice verified by one store's configuration settles only that store's refunds.
 */
@Service
public class RefundNotifications {

	/** What a notification did. */
	public enum Outcome {
		/** It settled the refund (succeeded or failed). */
		SETTLED,
		/** The refund had been settled already (a duplicate, or the request or reconciler was first). */
		ALREADY_SETTLED,
		/** It reported no final outcome (processing, abnormal): the refund stays pending. */
		STILL_PENDING,
		/** No refund of that store has this ID. */
		UNKNOWN_REFUND
	}

	private final Refunds refunds;

	private final RefundSettlement settlement;

	RefundNotifications(Refunds refunds, RefundSettlement settlement) {
		this.refunds = refunds;
		this.settlement = settlement;
	}

	public Outcome settle(WalletNotice notice) {
		Optional<Refund> found = notice.refundKey().matches("\\d{1,18}")
				? this.refunds.findById(Long.parseLong(notice.refundKey())) : Optional.empty();
		if (found.isEmpty() || !notice.storeIds().contains(found.get().storeId())) {
			return Outcome.UNKNOWN_REFUND;
		}
		if (!found.get().isPending()) {
			return Outcome.ALREADY_SETTLED;
		}
		RefundSettlement.Settled settled = this.settlement.settleFromWallet(found.get().id(), notice.answer());
		if (!settled.before().isPending()) {
			return Outcome.ALREADY_SETTLED;
		}
		return settled.after().state().isFinal() ? Outcome.SETTLED : Outcome.STILL_PENDING;
	}

}
