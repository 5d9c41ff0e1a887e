package com.walletdesk.refund;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import com.walletdesk.refund.RefundFixture.Shop;
import com.walletdesk.support.IntegrationTest;
import org.junit.jupiter.api.Test;

import org.springframework.dao.DataIntegrityViolationException;

import static com.walletdesk.refund.RefundFixture.row;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The database backs every invariant the code keeps, so a bug or a hand-written UPDATE cannot
 * break them: refunded + pending never exceeds a charge; one refund per account and key; a
 * succeeded refund has its transaction; the day's refunds never exceed its sales.
 */
@IntegrationTest
class RefundConstraintsIT extends RefundFixture {

	static final OffsetDateTime NOW = OffsetDateTime.of(2026, 11, 25, 4, 0, 0, 0, ZoneOffset.UTC);

	@Test
	void aDirectOverRefundUpdateIsRefused() {
		Shop shop = RefundFixture.eurShop(this.data);
		String charge = this.data.tx(shop.store()).amount(100_00).at(Instant.parse("2026-11-25T03:00:00Z")).save();
		this.jdbc.sql("UPDATE wallet_transaction SET refunded = 6000, refund_pending = 4000 WHERE id = :id")
			.param("id", charge)
			.update();
		assertThatThrownBy(() -> this.jdbc.sql("UPDATE wallet_transaction SET refund_pending = refund_pending + 1 WHERE id = :id")
			.param("id", charge)
			.update()).isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> this.jdbc.sql("UPDATE wallet_transaction SET refunded = amount + 1, refund_pending = 0 WHERE id = :id")
			.param("id", charge)
			.update()).isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> this.jdbc.sql("UPDATE wallet_transaction SET refund_pending = -1 WHERE id = :id")
			.param("id", charge)
			.update()).isInstanceOf(DataIntegrityViolationException.class);
		assertThat(row(this.transactions, charge).refunded()).isEqualTo(60_00);
		assertThat(row(this.transactions, charge).refundPending()).isEqualTo(40_00);
	}

	@Test
	void oneRefundPerAccountAndIdempotencyKeyAndASucceededRefundHasItsTransaction() {
		Shop shop = RefundFixture.eurShop(this.data);
		String charge = this.data.tx(shop.store()).amount(100_00).at(NOW.toInstant()).save();
		long account = this.data.accountId(shop.username());
		insertRefund(account, "same-key", charge, shop.store().id(), "pending", null);
		assertThatThrownBy(() -> insertRefund(account, "same-key", charge, shop.store().id(), "pending", null))
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> insertRefund(account, "other-key", charge, shop.store().id(), "succeeded", null))
			.as("succeeded without a transaction")
			.isInstanceOf(DataIntegrityViolationException.class);
		assertThatThrownBy(() -> insertRefund(account, "third-key", charge, shop.store().id(), "done", null))
			.as("an unknown state")
			.isInstanceOf(DataIntegrityViolationException.class);
	}

	@Test
	void aDaysReservedRefundsCannotGoBelowZero() {
		Shop shop = RefundFixture.eurShop(this.data);
		this.data.tx(shop.store()).amount(100_00).at(NOW.toInstant()).save();
		assertThatThrownBy(() -> this.jdbc.sql("UPDATE transaction_day_total SET refund_pending = -1 WHERE store_id = :store")
			.param("store", shop.store().id())
			.update()).isInstanceOf(DataIntegrityViolationException.class);
	}

	void insertRefund(long account, String key, String charge, long store, String state, String transactionId) {
		this.jdbc.sql("""
				INSERT INTO refund (account_id, created_by, idempotency_key, fingerprint, charge_id, store_id, amount,
				  currency, reason, state, transaction_id, created_at, settled_at, next_check_at)
				VALUES (:account, 'someone', :key, 'fp', :charge, :store, 100, 'EUR', 'r', :state, :tx, :now, :settled, :now)""")
			.param("account", account)
			.param("key", key)
			.param("charge", charge)
			.param("store", store)
			.param("state", state)
			.param("tx", transactionId)
			.param("now", NOW)
			.param("settled", "pending".equals(state) ? null : NOW)
			.update();
	}

}
