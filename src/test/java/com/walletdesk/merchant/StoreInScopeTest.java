package com.walletdesk.merchant;

import java.time.Clock;
import java.util.Optional;

import com.walletdesk.web.ProblemException;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** {@link MerchantService#requireStoreInScope}: the scope rule, and the node read only once. */
class StoreInScopeTest {

	private final MerchantNodes nodes = mock(MerchantNodes.class);

	private final MerchantService merchants = new MerchantService(this.nodes, Clock.systemUTC());

	private final MerchantNode group = node(1, null, MerchantNode.Kind.GROUP, "/1/");

	private final MerchantNode store = node(2, 1L, MerchantNode.Kind.STORE, "/1/2/");

	private final MerchantNode otherGroup = node(3, null, MerchantNode.Kind.GROUP, "/3/");

	private final MerchantNode otherStore = node(4, 3L, MerchantNode.Kind.STORE, "/3/4/");

	@Test
	void aStoreInsideTheScopePassesAndIsReadOnce() {
		stored(this.store);
		Scope scope = Scope.under(this.group);
		assertThatNoException().isThrownBy(() -> this.merchants.requireStoreInScope(scope, 2));
		assertThatNoException().isThrownBy(() -> this.merchants.requireStoreInScope(scope, 2));
		assertThatNoException().isThrownBy(() -> this.merchants.requireStoreInScope(Scope.all(), 2));
		verify(this.nodes, times(1)).findById(2);
	}

	@Test
	void aStoreOutsideTheScopeIsNotFoundEveryTime() {
		stored(this.otherStore);
		Scope scope = Scope.under(this.group);
		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> this.merchants.requireStoreInScope(scope, 4)).isInstanceOf(ProblemException.class)
				.hasMessageContaining("Merchant");
		}
		assertThatNoException().isThrownBy(() -> this.merchants.requireStoreInScope(Scope.under(this.otherGroup), 4));
		verify(this.nodes, times(1)).findById(4);
	}

	@Test
	void aGroupIsNotAStore() {
		stored(this.group);
		assertThatThrownBy(() -> this.merchants.requireStoreInScope(Scope.all(), 1)).isInstanceOf(ProblemException.class)
			.hasMessageContaining("Store");
	}

	@Test
	void anUnknownNodeIsNotFoundAndNotRemembered() {
		when(this.nodes.findById(9)).thenReturn(Optional.empty());
		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> this.merchants.requireStoreInScope(Scope.all(), 9))
				.isInstanceOf(ProblemException.class);
		}
		verify(this.nodes, times(2)).findById(9);
	}

	@Test
	void aNodeWhosePathIsNotSetYetIsNotRemembered() {
		// inside the transaction that creates a node its path is a placeholder until set
		stored(node(5, 1L, MerchantNode.Kind.STORE, "pending"));
		assertThatThrownBy(() -> this.merchants.requireStoreInScope(Scope.under(this.group), 5))
			.isInstanceOf(ProblemException.class);
		stored(node(5, 1L, MerchantNode.Kind.STORE, "/1/5/"));
		assertThatNoException().isThrownBy(() -> this.merchants.requireStoreInScope(Scope.under(this.group), 5));
		verify(this.nodes, times(2)).findById(5);
	}

	private void stored(MerchantNode node) {
		when(this.nodes.findById(node.id())).thenReturn(Optional.of(node));
	}

	private static MerchantNode node(long id, Long parentId, MerchantNode.Kind kind, String path) {
		return new MerchantNode(id, parentId, kind, "Node " + id, null, "Asia/Shanghai", "CNY", "zh-CN", true, path);
	}

}
