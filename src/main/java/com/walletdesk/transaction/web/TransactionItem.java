package com.walletdesk.transaction.web;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.money.Money;
import com.walletdesk.transaction.TransactionPage;
import com.walletdesk.transaction.TransactionRow;

/** A transaction in the API's shape (API.md "Transactions"): IDs and money as strings. */
public record TransactionItem(String id, String parentId, String storeId, String storeName, String location,
		String reference, String createdAt, String localTime, String timezone, String type, String method,
		String channel, String cardNumber, String vendorReference, String amount, String tip, String currency,
		String remaining, boolean refundable, String loginCode, String terminalId, String disputeTag,
		String transactionTag) {

	static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

	static TransactionItem of(TransactionPage page, TransactionRow row) {
		MerchantNode store = page.store(row);
		ZoneId zone = store.zone();
		Money remaining = row.remainingMoney();
		return new TransactionItem(row.id(), row.parentId(), String.valueOf(row.storeId()), store.name(),
				page.location(row), row.reference(), row.createdAt().toString(),
				LOCAL_TIME.format(row.createdAt().atZone(zone)), zone.getId(), row.type(), row.method(), row.channel(),
				row.cardNumber(), row.vendorReference(), row.amountMoney().toDecimalString(),
				row.tipMoney().toDecimalString(), row.currency(), remaining == null ? null : remaining.toDecimalString(),
				page.refundable(row), row.loginCode(), row.terminalId(), row.disputeTag(), row.transactionTag());
	}

}
