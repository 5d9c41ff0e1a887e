package com.walletdesk.transaction.web;

import java.util.ArrayList;
import java.util.List;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.account.Role;
import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService;
import com.walletdesk.transaction.web.MerchantTreePanel.TreeItem;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

class MerchantTreePanelTest {

	private final MerchantService merchants = mock(MerchantService.class);

	private final MerchantTreePanel panel = new MerchantTreePanel(this.merchants);

	private final CurrentUser user = new CurrentUser(1, "someone", Role.MERCHANT, null, false);

	@Test
	void aSmallTreeIsShownWholeSortedByNameWithTheSelectedNodeMarked() {
		MerchantNode root = group(1, null, "/1/", "HQ");
		MerchantNode porto = store(3, 1L, "/1/3/", "porto");
		MerchantNode lisbon = store(2, 1L, "/1/2/", "Lisboa");
		MerchantNode west = group(4, 1L, "/1/4/", "West");
		MerchantNode faro = store(5, 4L, "/1/4/5/", "Faro");
		when(this.merchants.visibleNodes(any())).thenReturn(List.of(root, lisbon, porto, west, faro));

		List<TreeItem> tree = this.panel.build(this.user, porto);

		assertThat(tree).extracting(TreeItem::name).containsExactly("HQ");
		assertThat(tree.get(0).children()).extracting(TreeItem::name).containsExactly("Lisboa", "porto", "West");
		assertThat(tree.get(0).children()).extracting(TreeItem::current).containsExactly(false, true, false);
		assertThat(tree.get(0).children().get(2).children()).extracting(TreeItem::href).containsExactly("/stores/5");
		assertThat(tree.get(0).href()).isEqualTo("/merchants/1");
	}

	@Test
	void aScopeBelowTheTopStartsAtTheAccountsNode() {
		// a headquarters user: its node's parent is not visible, so its node is the root
		MerchantNode hq = group(7, 1L, "/1/7/", "HQ Lisboa");
		MerchantNode store = store(8, 7L, "/1/7/8/", "Chiado");
		when(this.merchants.visibleNodes(any())).thenReturn(List.of(hq, store));

		List<TreeItem> tree = this.panel.build(this.user, null);

		assertThat(tree).extracting(TreeItem::name).containsExactly("HQ Lisboa");
		assertThat(tree.get(0).children()).extracting(TreeItem::name).containsExactly("Chiado");
	}

	@Test
	void aVeryLargeTreeIsFoldedExceptOnTheWayToTheSelectedNode() {
		List<MerchantNode> nodes = new ArrayList<>();
		nodes.add(group(1, null, "/1/", "Root"));
		long id = 100;
		MerchantNode selected = null;
		for (int g = 2; g <= 4; g++) {
			nodes.add(group(g, 1L, "/1/" + g + "/", "Group " + g));
			for (int s = 0; s < 200; s++) {
				MerchantNode store = store(id, (long) g, "/1/" + g + "/" + id + "/", "Store " + id);
				nodes.add(store);
				if (g == 3 && s == 10) {
					selected = store;
				}
				id++;
			}
		}
		assertThat(nodes).hasSizeGreaterThan(MerchantTreePanel.UNFOLDED_LIMIT);
		when(this.merchants.visibleNodes(any())).thenReturn(nodes);

		List<TreeItem> tree = this.panel.build(this.user, selected);

		List<TreeItem> groups = tree.get(0).children();
		assertThat(groups).extracting(TreeItem::name).containsExactly("Group 2", "Group 3", "Group 4");
		assertThat(groups).extracting(TreeItem::folded).containsExactly(true, false, true);
		assertThat(groups.get(0).children()).isEmpty();
		assertThat(groups.get(1).children()).hasSize(200).filteredOn(TreeItem::current).hasSize(1);
	}

	private static MerchantNode group(long id, Long parent, String path, String name) {
		return new MerchantNode(id, parent, MerchantNode.Kind.GROUP, name, null, null, null, null, true, path);
	}

	private static MerchantNode store(long id, Long parent, String path, String name) {
		return new MerchantNode(id, parent, MerchantNode.Kind.STORE, name, null, "Europe/Lisbon", "EUR", "pt-PT", true,
				path);
	}

}
