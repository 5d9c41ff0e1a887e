package com.walletdesk.wallet;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import com.walletdesk.money.Money;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every wallet call is bounded in time, and anything but a definite answer is UNKNOWN. */
class WalletServiceTest {

	private static final RefundOrder ORDER = new RefundOrder("17", "100000000001", "VR1", "ALP", 3,
			Money.parse("10.00", "EUR"), Money.parse("100.00", "EUR"), "damaged");

	private WalletService service;

	@AfterEach
	void stop() {
		this.service.stop();
	}

	@Test
	void definiteAnswersPassThrough() {
		this.service = new WalletService(provider(() -> WalletAnswer.declined("R1", "frozen")), Duration.ofSeconds(1));
		WalletAnswer answer = this.service.refund(ORDER);
		assertThat(answer.status()).isEqualTo(WalletAnswer.Status.DECLINED);
		assertThat(answer.message()).isEqualTo("frozen");
	}

	@Test
	void aWalletSlowerThanTheTimeoutIsUnknownAndIsInterrupted() throws Exception {
		AtomicBoolean interrupted = new AtomicBoolean();
		CountDownLatch done = new CountDownLatch(1);
		this.service = new WalletService(provider(() -> {
			try {
				Thread.sleep(5_000);
				return WalletAnswer.succeeded("late");
			}
			catch (InterruptedException ex) {
				interrupted.set(true);
				throw new WalletTimeoutException("interrupted");
			}
			finally {
				done.countDown();
			}
		}), Duration.ofMillis(200));
		long start = System.nanoTime();
		WalletAnswer answer = this.service.refund(ORDER);
		long tookMs = (System.nanoTime() - start) / 1_000_000;
		assertThat(answer.status()).isEqualTo(WalletAnswer.Status.UNKNOWN);
		assertThat(tookMs).isBetween(150L, 2_000L);
		assertThat(done.await(2, TimeUnit.SECONDS)).isTrue();
		assertThat(interrupted).as("the call given up on is interrupted, so a sandbox applies nothing").isTrue();
	}

	@Test
	void aWalletThatThrowsIsUnknown() {
		this.service = new WalletService(provider(() -> {
			throw new IllegalStateException("HTTP 503");
		}), Duration.ofSeconds(1));
		WalletAnswer answer = this.service.queryRefund(ORDER);
		assertThat(answer.status()).isEqualTo(WalletAnswer.Status.UNKNOWN);
		assertThat(answer.message()).contains("503");
		this.service = new WalletService(provider(() -> {
			throw new WalletTimeoutException("no answer");
		}), Duration.ofSeconds(1));
		assertThat(this.service.refund(ORDER).status()).isEqualTo(WalletAnswer.Status.UNKNOWN);
	}

	private static WalletProvider provider(java.util.function.Supplier<WalletAnswer> answer) {
		return new WalletProvider() {
			@Override
			public WalletAnswer refund(RefundOrder order) {
				return answer.get();
			}

			@Override
			public WalletAnswer queryRefund(RefundOrder order) {
				return answer.get();
			}
		};
	}

}
