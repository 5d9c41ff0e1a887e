package com.walletdesk.refund;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService;
import com.walletdesk.money.Money;
import com.walletdesk.transaction.TransactionRow;
import com.walletdesk.transaction.TransactionService;
import com.walletdesk.wallet.WalletService;

import org.springframework.stereotype.Service;

/**
 * The refunds an operator has to look at: pending refunds the wallet reports stuck on its side
 * (WeChat Pay {@code ABNORMAL}). They keep their reservation; nothing here or in the reconciler
 * releases them: the operator settles them with the wallet (merchant portal), after which the
 * wallet's answer to the reconciler's query, or its notification, settles the refund as usual.
 */
@Service
public class RefundAttention {

	/** At most this many are listed (oldest first): a longer list is an incident, not a queue. */
	static final int LIMIT = 500;

	private final Refunds refunds;

	private final TransactionService transactions;

	private final MerchantService merchants;

	private final WalletService wallet;

	RefundAttention(Refunds refunds, TransactionService transactions, MerchantService merchants, WalletService wallet) {
		this.refunds = refunds;
		this.transactions = transactions;
		this.merchants = merchants;
		this.wallet = wallet;
	}

	/**
	 * A refund waiting for an operator.
	 *
	 * @param provider the wallet the store's refunds of the charge's method go to
	 * @param walletCode the wallet's code ({@code ABNORMAL}), walletMessage its words
	 * @param since when the wallet first reported it stuck
	 */
	public record Item(String id, String chargeId, long storeId, String storeName, Money amount, String provider,
			String providerReference, String walletCode, String walletMessage, String createdBy, Instant createdAt,
			Instant since) {
	}

	/** Operators only (403 {@code ACCESS_DENIED} otherwise); longest waiting first. */
	public List<Item> list(CurrentUser operator) {
		operator.requireOperator();
		List<Refunds.Flagged> flagged = this.refunds.flagged(LIMIT);
		Set<String> chargeIds = flagged.stream().map(f -> f.refund().chargeId()).collect(Collectors.toSet());
		Map<String, TransactionRow> charges = this.transactions.findAllById(chargeIds);
		Map<Long, MerchantNode> stores = this.merchants
			.nodesById(flagged.stream().map(f -> f.refund().storeId()).collect(Collectors.toSet()));
		return flagged.stream().map(f -> item(f, charges.get(f.refund().chargeId()), stores.get(f.refund().storeId())))
			.toList();
	}

	private Item item(Refunds.Flagged flagged, TransactionRow charge, MerchantNode store) {
		Refund refund = flagged.refund();
		String words = refund.providerMessage() == null ? "" : refund.providerMessage();
		// kept as "CODE: words" (the adapters' form, as the refund dialog shows it)
		int colon = words.indexOf(": ");
		String code = colon > 0 ? words.substring(0, colon) : words;
		String message = colon > 0 ? words.substring(colon + 2) : null;
		String provider = charge == null ? null : this.wallet.providerName(refund.storeId(), charge.method());
		return new Item(String.valueOf(refund.id()), refund.chargeId(), refund.storeId(),
				store == null ? null : store.name(), refund.amountMoney(), provider, refund.providerReference(), code,
				message, refund.createdBy(), refund.createdAt(), flagged.since());
	}

}
