package com.walletdesk.admin.web;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService.MerchantChange;
import com.walletdesk.merchant.MerchantService.NewMerchant;

/**
 * The console's merchant form as posted (blank fields are absent). A small command record,
 * never the stored node: the service checks every field.
 */
record MerchantForm(String kind, String name, String parentId, String location, String timezone, String currency,
		String locale) {

	static MerchantForm empty() {
		return new MerchantForm("STORE", "", "", "", "", "", "");
	}

	static MerchantForm of(MerchantNode node) {
		return new MerchantForm(node.kind().name(), node.name(),
				node.parentId() == null ? "" : String.valueOf(node.parentId()), nz(node.location()), nz(node.timezone()),
				nz(node.currency()), nz(node.locale()));
	}

	/** The form as a new merchant; a parent that is not an id is left for the service to refuse. */
	NewMerchant toNew() {
		Long parent = null;
		if (this.parentId != null && !this.parentId.isBlank()) {
			parent = this.parentId.strip().matches("\\d{1,18}") ? Long.valueOf(this.parentId.strip()) : -1L;
		}
		return new NewMerchant(blankToNull(this.kind), blankToNull(this.name), parent, blankToNull(this.location),
				blankToNull(this.timezone), blankToNull(this.currency), blankToNull(this.locale));
	}

	/** The form as a change of an existing node (name required; a cleared location is cleared). */
	MerchantChange toChange() {
		return new MerchantChange(this.name == null ? "" : this.name, this.location == null ? "" : this.location,
				blankToNull(this.timezone), blankToNull(this.currency), blankToNull(this.locale), null);
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	private static String nz(String value) {
		return value == null ? "" : value;
	}

}
