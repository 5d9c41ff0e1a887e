package com.walletdesk.transaction.web;

import java.time.Clock;
import java.util.function.Function;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService;
import com.walletdesk.transaction.TransactionFilter;
import com.walletdesk.transaction.TransactionPage;
import com.walletdesk.transaction.TransactionQuery;
import com.walletdesk.transaction.TransactionSummaries;
import com.walletdesk.transaction.TransactionSummary;
import com.walletdesk.web.Htmx;
import com.walletdesk.web.Languages;
import com.walletdesk.web.ProblemException;
import com.walletdesk.web.RequestParams;
import com.walletdesk.web.SupportContact;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Transaction Lookup (one store) and All Transactions Search (every store in scope) as pages.
 * A request from htmx (search as you type, paging) gets only the results fragment at the same
 * URL; anything else gets the whole page. Bad input is told in words above the table, with the
 * form kept as typed, and answers 400; never a stack trace.
 */
@Controller
class TransactionPagesController {

	static final String VIEW = "transaction/listing";

	static final String RESULTS = VIEW + " :: results";

	private final TransactionQuery query;

	private final MerchantService merchants;

	private final MerchantTreePanel panel;

	private final SupportContact support;

	private final TransactionSummaries summaries;

	private final Clock clock;

	TransactionPagesController(TransactionQuery query, MerchantService merchants, MerchantTreePanel panel,
			SupportContact support, TransactionSummaries summaries, Clock clock) {
		this.summaries = summaries;
		this.clock = clock;
		this.query = query;
		this.merchants = merchants;
		this.panel = panel;
		this.support = support;
	}

	@GetMapping("/stores/{storeId}/transactions")
	String lookup(CurrentUser user, @PathVariable String storeId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String q,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) String first, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		// scope first: a foreign store is "not found" whatever else the query string says
		MerchantNode store = this.merchants.requireVisibleStore(user.scope(), RequestParams.pathId(storeId, "Store"));
		model.addAttribute("store", store);
		model.addAttribute("trail", this.panel.trail(user, store));
		// said once above the table instead of on every row
		model.addAttribute("storeLocation", this.merchants.parentNames(java.util.List.of(store)).get(store.id()));
		// whom to ask when there is no Refund button (the page says so once)
		model.addAttribute("support", this.support);
		return listing(user, true, "/stores/" + store.id() + "/transactions", store,
				new TransactionListingPage.Form(from, to, q, limit), cursor, first,
				filter -> this.query.lookup(user, store.id(), filter),
				filter -> this.summaries.lookup(user, store.id(), filter), request, response, model);
	}

	@GetMapping("/transactions")
	String search(CurrentUser user, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String q,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor,
			@RequestParam(required = false) String first, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		return listing(user, false, "/transactions", null, new TransactionListingPage.Form(from, to, q, limit), cursor, first,
				filter -> this.query.search(user, filter), filter -> this.summaries.search(user, filter), request,
				response, model);
	}

	private String listing(CurrentUser user, boolean lookup, String action, MerchantNode selected,
			TransactionListingPage.Form form, String cursor, String first, Function<TransactionFilter, TransactionPage> read,
			Function<TransactionFilter, TransactionSummary> summarize, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		TransactionListingPage listing;
		// dates come as the page's language writes them (08/12/2026) or as ISO (links): the filter reads ISO
		form = new TransactionListingPage.Form(Languages.isoDate(form.from()), Languages.isoDate(form.to()), form.q(),
				form.limit());
		try {
			TransactionFilter filter = TransactionFilter.parse(form.from(), form.to(), form.q(), form.limit(), cursor);
			TransactionPage page = read.apply(filter);
			listing = TransactionListingPage.of(lookup, action, user.canRefund(), form, cursor, filter.limit(), first,
					page, this.clock);
			// the totals, chart and daily figures above the table: every page of the same query
			model.addAttribute("summary", SummaryView.of(summarize.apply(filter), page.stores().values()));
			model.addAttribute("saveViewUrl", SaveViewLink.of(listing.selfUrl(), lookup ? selected.id() : null));
		}
		catch (ProblemException ex) {
			if (ex.status() != HttpStatus.BAD_REQUEST) {
				throw ex;
			}
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			listing = TransactionListingPage.refused(lookup, action, user.canRefund(), form, cursor, ex);
		}
		model.addAttribute("listing", listing);
		// the export button sits in the form, outside the fragment: it comes along out of band
		model.addAttribute("exportOutOfBand", Htmx.wantsFragment(request));
		return Htmx.pageOrFragment(request, response, RESULTS, () -> {
			this.panel.addTo(model, user, selected);
			return VIEW;
		});
	}

}
