package com.walletdesk.merchant.web;

import java.util.List;
import java.util.Objects;

import com.walletdesk.merchant.MerchantService;
import com.walletdesk.merchant.MerchantSummary;
import com.walletdesk.merchant.Scope;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The merchant tree as JSON: the caller's scope node and everything below it (operators: all).
 * Takes the caller's {@link Scope} (resolved per request by the account module), since the
 * merchant module does not depend on accounts.
 */
@RestController
class MerchantApiController {

	private final MerchantService merchants;

	MerchantApiController(MerchantService merchants) {
		this.merchants = merchants;
	}

	/** Parents before children; the root of a merchant's scope shows no parent. */
	@GetMapping("/api/v1/merchants")
	MerchantList merchants(Scope scope) {
		Long root = scope.rootId();
		return new MerchantList(this.merchants.visibleNodes(scope)
			.stream()
			.map(node -> MerchantSummary.of(node, !Objects.equals(node.id(), root)))
			.toList());
	}

	record MerchantList(List<MerchantSummary> items) {
	}

}
