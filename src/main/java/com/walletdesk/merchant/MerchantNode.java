package com.walletdesk.merchant;

import java.time.ZoneId;
import java.util.Locale;

/**
 * A node of the merchant tree: a GROUP (merchant group, headquarters) or a STORE (end
 * merchant, the only kind that holds transactions and has a zone, currency and locale).
 * {@code licenseActive} is this node's own switch; see {@link MerchantService#licenseActive}
 * for the effective one, which also depends on every node above.
 */
public record MerchantNode(long id, Long parentId, Kind kind, String name, String location, String timezone,
		String currency, String locale, boolean licenseActive, String path) {

	public enum Kind {

		GROUP, STORE

	}

	public boolean isStore() {
		return this.kind == Kind.STORE;
	}

	public ZoneId zone() {
		return this.timezone == null ? ZoneId.of("UTC") : ZoneId.of(this.timezone);
	}

	public Locale displayLocale() {
		return this.locale == null ? Locale.ENGLISH : Locale.forLanguageTag(this.locale);
	}

	/** How deep in the tree, 0 for a root: counts the ids in the materialised path. */
	public int depth() {
		return (int) this.path.chars().filter(c -> c == '/').count() - 2;
	}

	/** True when {@code other} is this node or below it. */
	public boolean contains(MerchantNode other) {
		return other.path.startsWith(this.path);
	}

}
