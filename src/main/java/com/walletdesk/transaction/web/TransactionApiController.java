package com.walletdesk.transaction.web;

import java.util.List;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.transaction.TransactionFilter;
import com.walletdesk.transaction.TransactionPage;
import com.walletdesk.transaction.TransactionQuery;
import com.walletdesk.web.RequestParams;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Transaction Lookup, All Transactions Search and one transaction, as JSON. */
@RestController
class TransactionApiController {

	private final TransactionQuery query;

	TransactionApiController(TransactionQuery query) {
		this.query = query;
	}

	@GetMapping("/api/v1/stores/{storeId}/transactions")
	TransactionList lookup(CurrentUser user, @PathVariable String storeId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String q,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
		long store = RequestParams.numericId(storeId, "Store");
		TransactionFilter filter = TransactionFilter.parse(from, to, q, limit, cursor);
		return TransactionList.of(this.query.lookup(user, store, filter));
	}

	@GetMapping("/api/v1/transactions")
	TransactionList search(CurrentUser user, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String q,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
		return TransactionList.of(this.query.search(user, TransactionFilter.parse(from, to, q, limit, cursor)));
	}

	@GetMapping("/api/v1/transactions/{id}")
	TransactionItem one(CurrentUser user, @PathVariable String id) {
		var row = this.query.find(user, id);
		TransactionPage page = this.query.single(user, row, true);
		return TransactionItem.of(page, row);
	}

	/** The response of a listing: its period, a page of items, and where the next page starts. */
	record TransactionList(String from, String to, List<TransactionItem> items, String nextCursor,
			String previousCursor) {

		static TransactionList of(TransactionPage page) {
			return new TransactionList(page.period().from().toString(), page.period().to().toString(),
					page.rows().stream().map(row -> TransactionItem.of(page, row)).toList(), page.nextCursor(),
					page.previousCursor());
		}

	}

}
