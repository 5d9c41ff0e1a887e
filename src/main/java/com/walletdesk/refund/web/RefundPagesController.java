package com.walletdesk.refund.web;

import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.web.Languages;
import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService;
import com.walletdesk.money.Money;
import com.walletdesk.refund.RefundCodes;
import com.walletdesk.refund.RefundCommand;
import com.walletdesk.refund.RefundResult;
import com.walletdesk.refund.RefundService;
import com.walletdesk.transaction.ChinaDay;
import com.walletdesk.transaction.TransactionQuery;
import com.walletdesk.transaction.TransactionRow;
import com.walletdesk.web.Htmx;
import com.walletdesk.web.ProblemException;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The refund parts of Transaction Lookup: the Confirm Refund dialog, its confirmation, and a
 * charge's refunds. Every refund goes through {@link RefundService}, as the API's do (same
 * rules, same audit). htmx gets fragments (a {@code <dialog>}, a banner); a plain request gets
 * the same parts as a page of their own, so every link and form also works without scripts.
 * A refusal answers its own status (403, 404, 409, 422...) with its message in words and the
 * header {@value #SWAP_HEADER}, which tells walletdesk.js to show it rather than drop it.
 */
@Controller
class RefundPagesController {

	static final String DIALOG = "refund/dialog :: modal";

	static final String DIALOG_BODY = "refund/dialog :: content";

	static final String OUTCOME = "refund/outcome :: banner";

	static final String REFUNDS = "refund/refunds :: modal";

	static final String PAGE = "refund/page";

	/** Marks a 4xx/5xx answer that carries a refusal in words, to be swapped in like a 200. */
	static final String SWAP_HEADER = "Walletdesk-Swap";

	/** Closes the dialog and puts the focus on the blue banner (walletdesk.js). */
	static final String REFUNDED_EVENT = "refund-succeeded";

	/** Refreshes the Lookup's results in place (the new refund_dashboard row, the lower Remaining). */
	static final String CHANGED_EVENT = "transactions-changed";

	private static final Logger log = LoggerFactory.getLogger(RefundPagesController.class);

	/** The day of the daily balance (DESIGN.md): it starts again at 00:00 here. */

	private final RefundService refunds;

	private final TransactionQuery transactions;

	private final MerchantService merchants;

	private final Clock clock;

	RefundPagesController(RefundService refunds, TransactionQuery transactions, MerchantService merchants,
			Clock clock) {
		this.refunds = refunds;
		this.transactions = transactions;
		this.merchants = merchants;
		this.clock = clock;
	}

	/** The Confirm Refund dialog, with a fresh idempotency key (404, 403, 422 in words). */
	@GetMapping("/transactions/{id}/refund")
	String dialog(CurrentUser user, @PathVariable String id, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		try {
			RefundService.RefundDraft draft = this.refunds.draft(user, id);
			MerchantNode store = storeOf(user, draft.charge());
			model.addAttribute("dialog", RefundDialog.fresh(draft.charge(), store, draft.idempotencyKey()));
		}
		catch (ProblemException ex) {
			refused(RefundRefusal.of(ex), response, model);
		}
		return view(request, response, DIALOG, "dialog", model);
	}

	/**
	 * Confirm: the amount as typed in the store's locale, the reason, and the dialog's key. The
	 * answer is the blue banner (the dialog closes and the results refresh), or the dialog again
	 * with the refusal in words and what was typed.
	 */
	@PostMapping("/transactions/{id}/refund")
	String refund(CurrentUser user, @PathVariable String id, @RequestParam(required = false) String amount,
			@RequestParam(required = false) String reason, @RequestParam(required = false) String idempotencyKey,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		// the store's locale reads the amount; a charge out of reach is refused (and audited) by the service
		Optional<Charge> before = charge(user, id);
		String decimal = before.map(c -> LocalAmount.toDecimal(amount, Languages.pageFormatting(c.store().displayLocale()),
				Money.currency(c.row().currency())))
			.orElse(amount == null ? "" : amount.strip());
		RefundResult result;
		try {
			result = this.refunds.refund(user, id, new RefundCommand(decimal, reason), idempotencyKey);
		}
		catch (RuntimeException ex) {
			log.error("Refund of {} from the page failed unexpectedly", id, ex);
			// the refund may be reserved already: the same key again can only replay it, never refund twice
			return refusedDialog(user, id, RefundRefusal.unexpected(), amount, reason, idempotencyKey, null, request,
					response, model);
		}
		if (result.isAccepted()) {
			// accepted means in scope: the charge is there (read again only if it was not a moment ago)
			Charge charge = before.or(() -> charge(user, id)).orElseThrow();
			model.addAttribute("outcome", RefundOutcome.of(result, Languages.pageFormatting(charge.store().displayLocale()),
					RefundDialog.lookupUrl(charge.store())));
			if (Htmx.wantsFragment(request)) {
				// the banner goes above the results, not into the dialog that asked
				response.setHeader("HX-Retarget", "#refund-outcome");
				response.setHeader("HX-Reswap", "innerHTML");
				response.setHeader("HX-Trigger-After-Settle", REFUNDED_EVENT + ", " + CHANGED_EVENT);
			}
			return view(request, response, OUTCOME, "outcome", model);
		}
		RefundRefusal refusal = RefundRefusal.of(result);
		if (RefundCodes.DAILY_BALANCE_EXCEEDED.equals(result.code()) && before.isPresent()) {
			refusal = refusal.resettingAt(nextChinaMidnight(before.get().store()));
		}
		if (RefundCodes.NOT_REFUNDABLE.equals(result.code())
				|| RefundCodes.REFUND_EXCEEDS_REMAINING.equals(result.code())) {
			// someone else may have refunded it meanwhile: show the table as it is now
			response.setHeader("HX-Trigger-After-Settle", CHANGED_EVENT);
		}
		// a new attempt gets a new key, except while the first one is still running (it must replay)
		String key = RefundCodes.REQUEST_IN_PROGRESS.equals(result.code()) ? idempotencyKey
				: RefundService.newIdempotencyKey();
		String field = result.fields().keySet().stream().findFirst().orElse(null);
		return refusedDialog(user, id, refusal, amount, reason, key, field, request, response, model);
	}

	/**
	 * A charge's dashboard refunds: amount, reason, who, when, status. Nothing was refused here (it
	 * is a read): an unknown or foreign charge is the not-found page, or in the dialog the words
	 * of a read that found nothing.
	 */
	@GetMapping("/transactions/{id}/refunds")
	String refundsOf(CurrentUser user, @PathVariable String id, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		try {
			TransactionRow charge = this.transactions.find(user, id);
			model.addAttribute("refunds",
					RefundLines.of(charge.id(), this.refunds.refundsOf(user, id), storeOf(user, charge)));
		}
		catch (ProblemException ex) {
			if (!Htmx.wantsFragment(request)) {
				throw ex; // the error page (404 in words), as for any page that finds nothing
			}
			refused(RefundRefusal.of(ex).reading(), response, model);
		}
		return view(request, response, REFUNDS, "refunds", model);
	}

	private String refusedDialog(CurrentUser user, String id, RefundRefusal refusal, String amount, String reason,
			String key, String field, HttpServletRequest request, HttpServletResponse response, Model model) {
		refused(refusal, response, model);
		if (!refusal.isFinal()) {
			// the charge as it is now (a declined refund released its amount; others may have refunded)
			charge(user, id).filter(c -> c.row().isCharge())
				.ifPresent(c -> model.addAttribute("dialog", RefundDialog.of(c.row(), c.store(),
						amount == null ? "" : amount, reason == null ? "" : reason, key, field)));
		}
		return view(request, response, DIALOG_BODY, "dialog", model);
	}

	private static void refused(RefundRefusal refusal, HttpServletResponse response, Model model) {
		response.setStatus(refusal.status().value());
		response.setHeader(SWAP_HEADER, "refusal");
		model.addAttribute("refusal", refusal);
	}

	/** The fragment for htmx, else the refund page showing that part. */
	private static String view(HttpServletRequest request, HttpServletResponse response, String fragment, String part,
			Model model) {
		return Htmx.pageOrFragment(request, response, fragment, () -> {
			model.addAttribute("part", part);
			return PAGE;
		});
	}

	/** 00:00 of the next China day, in the store's own time: when the daily balance starts again. */
	private String nextChinaMidnight(MerchantNode store) {
		ZonedDateTime reset = ChinaDay.nextReset(this.clock.instant());
		ZonedDateTime local = reset.withZoneSameInstant(store.zone());
		return Languages.pageDateTimeToMinute(local);
	}

	private Optional<Charge> charge(CurrentUser user, String id) {
		try {
			TransactionRow row = this.transactions.find(user, id);
			return Optional.of(new Charge(row, storeOf(user, row)));
		}
		catch (ProblemException ex) {
			return Optional.empty();
		}
	}

	private MerchantNode storeOf(CurrentUser user, TransactionRow row) {
		return this.merchants.requireVisibleStore(user.scope(), row.storeId());
	}

	private record Charge(TransactionRow row, MerchantNode store) {
	}

}
