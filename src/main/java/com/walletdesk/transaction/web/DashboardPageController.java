package com.walletdesk.transaction.web;

import java.util.List;
import java.util.Map;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.web.Languages;
import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService;
import com.walletdesk.transaction.StoreWeek;
import com.walletdesk.transaction.TransactionQuery;
import com.walletdesk.web.RequestParams;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The dashboard's start page, a group's page (its stores and their last week) and a store's
 * page (with the Transaction Lookup entry, which groups never offer). Scope is checked by the
 * services: a foreign or unknown ID is the 404 page. These pages live here rather than in
 * {@code merchant.web} because they need the signed-in account and transaction figures, and
 * the merchant module depends on neither.
 */
@Controller
class DashboardPageController {

	static final String HOME = "merchant/home";

	static final String GROUP = "merchant/group";

	static final String STORE = "merchant/store";

	private final MerchantService merchants;

	private final TransactionQuery query;

	private final MerchantTreePanel panel;

	DashboardPageController(MerchantService merchants, TransactionQuery query, MerchantTreePanel panel) {
		this.merchants = merchants;
		this.query = query;
		this.panel = panel;
	}

	@GetMapping("/")
	String home(CurrentUser user, Model model) {
		this.panel.addTo(model, user, null);
		return HOME;
	}

	@GetMapping("/merchants/{id}")
	String group(CurrentUser user, @PathVariable String id, Model model) {
		MerchantNode node = this.merchants.requireVisible(user.scope(), RequestParams.pathId(id, "Merchant"));
		if (node.isStore()) {
			return "redirect:/stores/" + node.id();
		}
		List<StoreWeek> weeks = this.query.weekSummaries(user, node.id());
		Map<Long, String> locations = this.merchants.parentNames(weeks.stream().map(StoreWeek::store).toList());
		model.addAttribute("node", node);
		model.addAttribute("trail", this.panel.trail(user, node));
		model.addAttribute("stores", weeks.stream().map(week -> StoreSummary.of(week, locations)).toList());
		this.panel.addTo(model, user, node);
		return GROUP;
	}

	@GetMapping("/stores/{id}")
	String store(CurrentUser user, @PathVariable String id, Model model) {
		MerchantNode store = this.merchants.requireVisibleStore(user.scope(), RequestParams.pathId(id, "Store"));
		StoreWeek week = this.query.weekSummaries(user, store.id()).get(0);
		model.addAttribute("node", store);
		model.addAttribute("trail", this.panel.trail(user, store));
		model.addAttribute("summary", StoreSummary.of(week, this.merchants.parentNames(List.of(store))));
		this.panel.addTo(model, user, store);
		return STORE;
	}

	/** One line of a group's store list, formatted in the store's currency and locale. */
	record StoreSummary(long id, String name, String location, String timezone, String currency, String from,
			String to, long charges, long refunds, String net) {

		static StoreSummary of(StoreWeek week, Map<Long, String> locations) {
			MerchantNode store = week.store();
			return new StoreSummary(store.id(), store.name(), locations.get(store.id()), store.timezone(),
					store.currency(), Languages.shownDate(week.period().from().toString()),
					Languages.shownDate(week.period().to().toString()), week.charges(),
					week.refunds(), week.net().format(Languages.pageFormatting(store.displayLocale())));
		}

	}

}
