package com.walletdesk.refund;

import java.time.Instant;

import com.walletdesk.money.Money;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The refund's states and moves: pending -> succeeded | failed, nothing else. */
class RefundTest {

	private static final Instant T = Instant.parse("2026-03-10T08:00:00Z");

	private static Refund pending() {
		Refund refund = Refund.pending(7, "alice", "key-1", "fp", "100000000001", 3, Money.parse("10.00", "EUR"),
				"damaged", T, T.plusSeconds(120));
		// as stored: with an id
		return new Refund(42L, refund.accountId(), refund.createdBy(), refund.idempotencyKey(), refund.fingerprint(),
				refund.chargeId(), refund.storeId(), refund.amount(), refund.currency(), refund.reason(), refund.state(),
				null, null, null, refund.createdAt(), null, 0, refund.nextCheckAt(), null, null);
	}

	@Test
	void isBornPendingAndUnanswered() {
		Refund refund = pending();
		assertThat(refund.state()).isEqualTo(RefundState.PENDING);
		assertThat(refund.isAnswered()).isFalse();
		assertThat(refund.amountMoney()).isEqualTo(Money.parse("10.00", "EUR"));
		assertThat(refund.walletKey()).isEqualTo("42");
	}

	@Test
	void pendingMaySucceedOnceWithItsTransaction() {
		Refund succeeded = pending().succeed("900000000001", "SBX1", T.plusSeconds(1));
		assertThat(succeeded.state()).isEqualTo(RefundState.SUCCEEDED);
		assertThat(succeeded.transactionId()).isEqualTo("900000000001");
		assertThat(succeeded.settledAt()).isEqualTo(T.plusSeconds(1));
		assertThatThrownBy(() -> succeeded.succeed("900000000002", "SBX2", T)).isInstanceOf(IllegalRefundMoveException.class);
		assertThatThrownBy(() -> succeeded.fail("no", null, T)).isInstanceOf(IllegalRefundMoveException.class);
	}

	@Test
	void pendingMayFailOnceWithTheWalletsWords() {
		Refund failed = pending().fail("buyer account frozen", "SBX1", T.plusSeconds(1));
		assertThat(failed.state()).isEqualTo(RefundState.FAILED);
		assertThat(failed.providerMessage()).isEqualTo("buyer account frozen");
		assertThat(failed.transactionId()).isNull();
		assertThatThrownBy(() -> failed.succeed("900000000002", "SBX2", T)).isInstanceOf(IllegalRefundMoveException.class);
		assertThatThrownBy(() -> failed.fail("again", null, T)).isInstanceOf(IllegalRefundMoveException.class);
	}

	@Test
	void theFirstAnswerIsRecordedOnceAndKeepsItsState() {
		Refund answered = pending().answer(90_00);
		assertThat(answered.answeredState()).isEqualTo(RefundState.PENDING);
		assertThat(answered.answeredRemaining()).isEqualTo(90_00);
		Refund settledLater = answered.succeed("900000000001", "SBX1", T);
		assertThat(settledLater.answeredState()).as("a replay still says what the first answer said")
			.isEqualTo(RefundState.PENDING);
		assertThatThrownBy(() -> settledLater.answer(90_00)).isInstanceOf(IllegalRefundMoveException.class);
	}

	@Test
	void aSucceededRefundWithoutTransactionCannotExist() {
		Refund p = pending();
		assertThatThrownBy(() -> new Refund(1L, 7, "a", "k", "f", "100000000001", 3, 100, "EUR", "r",
				RefundState.SUCCEEDED, null, null, null, T, T, 0, T, null, null))
			.isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Refund(1L, 7, "a", "k", "f", "100000000001", 3, 0, "EUR", "r",
				RefundState.PENDING, null, null, null, T, null, 0, T, null, null))
			.isInstanceOf(IllegalArgumentException.class);
		assertThat(p.isPending()).isTrue();
	}

}
