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

/** {@link MerchantService#requireVisibleStore}: the scope rule, with the node read every time (no cache to go stale). */
class StoreInScopeTest {

	private final MerchantNodes nodes = mock(MerchantNodes.class);

	private final MerchantService merchants = new MerchantService(this.nodes, Clock.systemUTC());

	private final MerchantNode group = node(1, null, MerchantNode.Kind.GROUP, "/1/");

	private final MerchantNode store = node(2, 1L, MerchantNode.Kind.STORE, "/1/2/");

	private final MerchantNode otherGroup = node(3, null, MerchantNode.Kind.GROUP, "/3/");

	private final MerchantNode otherStore = node(4, 3L, MerchantNode.Kind.STORE, "/3/4/");

	@Test
	void aStoreInsideTheScopePassesAndIsReadEachTime() {
		stored(this.store);
		Scope scope = Scope.under(this.group);
		assertThatNoException().isThrownBy(() -> this.merchants.requireVisibleStore(scope, 2));
		assertThatNoException().isThrownBy(() -> this.merchants.requireVisibleStore(scope, 2));
		assertThatNoException().isThrownBy(() -> this.merchants.requireVisibleStore(Scope.all(), 2));
		verify(this.nodes, times(3)).findById(2);
	}

	@Test
	void aStoreOutsideTheScopeIsNotFoundEveryTime() {
		stored(this.otherStore);
		Scope scope = Scope.under(this.group);
		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> this.merchants.requireVisibleStore(scope, 4)).isInstanceOf(ProblemException.class)
				.hasMessageContaining("Merchant");
		}
		assertThatNoException().isThrownBy(() -> this.merchants.requireVisibleStore(Scope.under(this.otherGroup), 4));
		verify(this.nodes, times(3)).findById(4);
	}

	@Test
	void aGroupIsNotAStore() {
		stored(this.group);
		assertThatThrownBy(() -> this.merchants.requireVisibleStore(Scope.all(), 1)).isInstanceOf(ProblemException.class)
			.hasMessageContaining("Store");
	}

	@Test
	void anUnknownNodeIsNotFound() {
		when(this.nodes.findById(9)).thenReturn(Optional.empty());
		for (int i = 0; i < 2; i++) {
			assertThatThrownBy(() -> this.merchants.requireVisibleStore(Scope.all(), 9))
				.isInstanceOf(ProblemException.class);
		}
		verify(this.nodes, times(2)).findById(9);
	}

	@Test
	void aNodeMovedOutOfTheScopeIsNotFoundAtOnce() {
		Scope scope = Scope.under(this.group);
		stored(this.store);
		assertThatNoException().isThrownBy(() -> this.merchants.requireVisibleStore(scope, 2));
		// should a feature ever move a store to another merchant, the next check sees it there
		stored(node(2, 3L, MerchantNode.Kind.STORE, "/3/2/"));
		assertThatThrownBy(() -> this.merchants.requireVisibleStore(scope, 2)).isInstanceOf(ProblemException.class);
	}

	private void stored(MerchantNode node) {
		when(this.nodes.findById(node.id())).thenReturn(Optional.of(node));
	}

	private static MerchantNode node(long id, Long parentId, MerchantNode.Kind kind, String path) {
		return new MerchantNode(id, parentId, kind, "Node " + id, null, "Asia/Shanghai", "CNY", "zh-CN", true, path);
	}

}
