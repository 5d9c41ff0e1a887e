package com.walletdesk.merchant;

/**
 * What one account may see: the subtree under its node, or everything (an operator). Built
 * only by {@link MerchantService#scopeOf}, so a scope always names a node that exists.
 */
public final class Scope {

	private static final Scope ALL = new Scope(null, null);

	private final Long rootId;

	private final String rootPath;

	private Scope(Long rootId, String rootPath) {
		this.rootId = rootId;
		this.rootPath = rootPath;
	}

	static Scope all() {
		return ALL;
	}

	static Scope under(MerchantNode root) {
		return new Scope(root.id(), root.path());
	}

	public boolean isAll() {
		return this.rootId == null;
	}

	/** The node the scope hangs from; null for an operator's scope over everything. */
	public Long rootId() {
		return this.rootId;
	}

	String rootPath() {
		return this.rootPath;
	}

	public boolean contains(MerchantNode node) {
		return containsPath(node.path());
	}

	/** Whether the node at this path (a {@link MerchantNode#path()}) is inside the scope. */
	boolean containsPath(String path) {
		return this.rootPath == null || path.startsWith(this.rootPath);
	}

	@Override
	public String toString() {
		return isAll() ? "Scope[all]" : "Scope[" + this.rootId + "]";
	}

}
