package com.walletdesk.transaction;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.money.Money;

/**
 * One store's last seven days (ending today in the store's own zone): how many charges and
 * refunds it took and the net amount, in its currency.
 */
public record StoreWeek(MerchantNode store, Period period, long charges, long refunds, long chargedMinor,
		long refundedMinor) {

	public Money net() {
		return Money.ofMinor(Math.subtractExact(this.chargedMinor, this.refundedMinor), this.store.currency());
	}

}
