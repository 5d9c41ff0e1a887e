package com.walletdesk.transaction.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService;

import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The left panel of every signed-in page: the account's node and everything below it, as a
 * tree; nothing outside the account's scope exists there. An operator sees every root. A very
 * large tree (thousands of stores) is shown folded: the roots, and the children of each node on
 * the way to the selected one, so the page stays small.
 */
@Component
class MerchantTreePanel {

	/** Up to this many visible nodes the whole tree is shown unfolded. */
	static final int UNFOLDED_LIMIT = 400;

	private static final Comparator<MerchantNode> BY_NAME = Comparator
		.comparing((MerchantNode node) -> node.name().toLowerCase(java.util.Locale.ROOT))
		.thenComparingLong(MerchantNode::id);

	private final MerchantService merchants;

	MerchantTreePanel(MerchantService merchants) {
		this.merchants = merchants;
	}

	/** Puts the panel in the model; {@code selected} (may be null) is marked as the current page. */
	void addTo(Model model, CurrentUser user, MerchantNode selected) {
		model.addAttribute("tree", build(user, selected));
	}

	/** The visible nodes above {@code node}, root first: a page's breadcrumb. */
	List<MerchantNode> trail(CurrentUser user, MerchantNode node) {
		List<Long> ids = java.util.Arrays.stream(node.path().split("/"))
			.filter(s -> !s.isEmpty())
			.map(Long::valueOf)
			.filter(id -> id != node.id())
			.toList();
		Map<Long, MerchantNode> above = this.merchants.nodesById(ids);
		return ids.stream().map(above::get).filter(n -> n != null && user.scope().contains(n)).toList();
	}

	List<TreeItem> build(CurrentUser user, MerchantNode selected) {
		List<MerchantNode> nodes = this.merchants.visibleNodes(user.scope());
		Set<Long> visible = new HashSet<>();
		nodes.forEach(node -> visible.add(node.id()));
		Map<Long, List<MerchantNode>> children = new LinkedHashMap<>();
		List<MerchantNode> roots = new ArrayList<>();
		for (MerchantNode node : nodes) {
			if (node.parentId() == null || !visible.contains(node.parentId())) {
				roots.add(node);
			}
			else {
				children.computeIfAbsent(node.parentId(), id -> new ArrayList<>()).add(node);
			}
		}
		Set<Long> unfolded = null; // null: everything
		if (nodes.size() > UNFOLDED_LIMIT) {
			unfolded = new HashSet<>();
			if (roots.size() == 1) {
				unfolded.add(roots.get(0).id());
			}
			if (selected != null) {
				for (String id : selected.path().split("/")) {
					if (!id.isEmpty()) {
						unfolded.add(Long.valueOf(id));
					}
				}
			}
		}
		return items(roots, children, unfolded, selected == null ? null : selected.id());
	}

	private static List<TreeItem> items(List<MerchantNode> nodes, Map<Long, List<MerchantNode>> children,
			Set<Long> unfolded, Long selectedId) {
		List<TreeItem> items = new ArrayList<>();
		nodes.stream().sorted(BY_NAME).forEach(node -> {
			List<MerchantNode> below = children.getOrDefault(node.id(), List.of());
			boolean open = unfolded == null || unfolded.contains(node.id());
			items.add(new TreeItem(node.id(), node.name(), node.isStore(), selectedId != null && selectedId == node.id(),
					open ? items(below, children, unfolded, selectedId) : List.of(), !open && !below.isEmpty()));
		});
		return items;
	}

	/**
	 * One node of the panel.
	 * @param folded true when it has children that are not shown (a very large tree)
	 */
	record TreeItem(long id, String name, boolean store, boolean current, List<TreeItem> children, boolean folded) {

		public String href() {
			return (this.store ? "/stores/" : "/merchants/") + this.id;
		}

	}

}
