package com.walletdesk.merchant;

/**
 * A merchant in the API's shape (API.md "Merchants"): IDs as strings. {@code licenseActive} is
 * the node's own switch (what an operator sets with PATCH); a node is usable only when its own
 * switch and every switch above it are on ({@link MerchantService#licenseActive}).
 */
public record MerchantSummary(String id, String parentId, String kind, String name, String location,
		String timezone, String currency, String locale, boolean licenseActive) {

	public static MerchantSummary of(MerchantNode node) {
		return of(node, true);
	}

	/**
	 * @param showParent false for the root of a merchant's scope: its parent lies outside what
	 * the caller may see, so not even its id is told
	 */
	public static MerchantSummary of(MerchantNode node, boolean showParent) {
		return new MerchantSummary(String.valueOf(node.id()),
				showParent && node.parentId() != null ? String.valueOf(node.parentId()) : null, node.kind().name(),
				node.name(), node.location(), node.timezone(), node.currency(), node.locale(), node.licenseActive());
	}

}
