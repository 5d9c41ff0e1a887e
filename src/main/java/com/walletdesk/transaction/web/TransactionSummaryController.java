package com.walletdesk.transaction.web;

import java.util.List;

import io.swagger.v3.oas.annotations.Operation;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.money.Money;
import com.walletdesk.transaction.TransactionFilter;
import com.walletdesk.transaction.TransactionSummaries;
import com.walletdesk.transaction.TransactionSummary;
import com.walletdesk.web.RequestParams;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The totals of Transaction Lookup and All Transactions Search as JSON (API.md "Export and
 * totals"): the same query string, scope and error codes as the lists; amounts as decimal
 * strings in each currency's own digits, counts as numbers.
 */
@RestController
class TransactionSummaryController {

	private final TransactionSummaries summaries;

	TransactionSummaryController(TransactionSummaries summaries) {
		this.summaries = summaries;
	}

	@GetMapping("/api/v1/stores/{storeId}/transactions/summary")
	@Operation(summary = "Transaction Lookup's totals: per currency, per method, per local day")
	SummaryJson lookup(CurrentUser user, @PathVariable String storeId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String q) {
		long store = RequestParams.numericId(storeId, "Store");
		return SummaryJson.of(this.summaries.lookup(user, store, TransactionFilter.parse(from, to, q, null, null)));
	}

	@GetMapping("/api/v1/transactions/summary")
	@Operation(summary = "All Transactions Search's totals: per currency, per method, per local day")
	SummaryJson search(CurrentUser user, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String q) {
		return SummaryJson.of(this.summaries.search(user, TransactionFilter.parse(from, to, q, null, null)));
	}

	record CountAmount(long count, String amount) {
	}

	record Total(String currency, CountAmount charges, CountAmount refunds, String net) {
	}

	record MethodTotal(String method, String currency, CountAmount charges, CountAmount refunds) {
	}

	record Day(String date, String currency, String charges, String refunds, String net) {
	}

	record SummaryJson(String from, String to, List<Total> totals, List<MethodTotal> byMethod, List<Day> daily) {

		static SummaryJson of(TransactionSummary summary) {
			return new SummaryJson(summary.period().from().toString(), summary.period().to().toString(),
					summary.totals()
						.stream()
						.map(t -> new Total(t.currency(), charges(t.figures(), t.currency()),
								refunds(t.figures(), t.currency()), amount(t.figures().netMinor(), t.currency())))
						.toList(),
					summary.byMethod()
						.stream()
						.map(m -> new MethodTotal(m.method(), m.currency(), charges(m.figures(), m.currency()),
								refunds(m.figures(), m.currency())))
						.toList(),
					summary.daily()
						.stream()
						.map(d -> new Day(d.date().toString(), d.currency(), amount(d.figures().chargedMinor(), d.currency()),
								amount(d.figures().refundedMinor(), d.currency()),
								amount(d.figures().netMinor(), d.currency())))
						.toList());
		}

		private static CountAmount charges(TransactionSummary.Figures f, String currency) {
			return new CountAmount(f.charges(), amount(f.chargedMinor(), currency));
		}

		private static CountAmount refunds(TransactionSummary.Figures f, String currency) {
			return new CountAmount(f.refunds(), amount(f.refundedMinor(), currency));
		}

		private static String amount(long minor, String currency) {
			return Money.ofMinor(minor, currency).toDecimalString();
		}

	}

}
