package com.walletdesk.savedview;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * A filter an account saved under a name: Transaction Lookup of one store ({@code storeId}) or
 * All Transactions Search (null), a period rule, and the search text.
 */
public record SavedView(long id, long accountId, String name, Long storeId, PeriodRule rule, LocalDate from,
		LocalDate to, String search, Instant createdAt) {

	/** How the view finds its period each time it is opened. */
	public enum PeriodRule {

		/** The listing's default: the latest week with transactions, worked out when opened. */
		WEEK,
		/** Always the same dates. */
		FIXED

	}

	/** The listing this view opens: its page, with the dates (fixed rule only) and the search. */
	public String url() {
		UriComponentsBuilder url = UriComponentsBuilder
			.fromPath(this.storeId == null ? "/transactions" : "/stores/" + this.storeId + "/transactions");
		if (this.rule == PeriodRule.FIXED) {
			url.queryParam("from", this.from.toString()).queryParam("to", this.to.toString());
		}
		if (this.search != null && !this.search.isBlank()) {
			url.queryParam("q", this.search);
		}
		return url.encode().build().toUriString();
	}

}
