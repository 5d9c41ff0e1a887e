package com.walletdesk.transaction;

import java.util.List;
import java.util.Map;

import com.walletdesk.merchant.MerchantNode;

/**
 * One page of a lookup or search, newest first, with what the table needs to show it: the
 * stores of its rows, their parent groups' names (the Location column) and the period's
 * totals over every page.
 *
 * @param refundsAllowed whether this listing may offer refunds at all (Transaction Lookup by
 * an account holding the privilege; never All Transactions Search)
 */
public record TransactionPage(Period period, List<TransactionRow> rows, String nextCursor, String previousCursor,
		List<Totals> totals, Map<Long, MerchantNode> stores, Map<Long, String> locations, boolean refundsAllowed) {

	/** Counts and net amount of the whole period (and search), per currency. */
	public record Totals(String currency, long charges, long refunds, long chargedMinor, long refundedMinor) {

		public long netMinor() {
			return this.chargedMinor - this.refundedMinor;
		}

	}

	public boolean refundable(TransactionRow row) {
		return this.refundsAllowed && row.isCharge() && row.remaining() > 0;
	}

	public MerchantNode store(TransactionRow row) {
		return this.stores.get(row.storeId());
	}

	public String location(TransactionRow row) {
		return this.locations.get(row.storeId());
	}

}
