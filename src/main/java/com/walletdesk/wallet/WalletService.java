package com.walletdesk.wallet;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Calls the wallet provider with a time limit. Whatever happens, the caller gets an answer and
 * never an exception: a wallet that is slow, down or throwing answers
 * {@link WalletAnswer.Status#UNKNOWN}, which leaves a refund pending for reconciliation rather
 * than guessing. Never called inside a database transaction (a slow wallet must not hold locks).
 */
@Service
public class WalletService {

	private static final Logger log = LoggerFactory.getLogger(WalletService.class);

	/** The provider of a refund, by store and method. */
	interface Routes {

		WalletProvider route(long storeId, String method);

		Optional<String> refusal(long storeId, String method, String vendorReference);

		default String providerName(long storeId, String method) {
			return "SANDBOX";
		}

	}

	private final Routes routes;

	private final Duration timeout;

	private final ThreadPoolExecutor calls;

	@Autowired
	WalletService(WalletRouter router, @Value("${walletdesk.wallet.call-timeout:PT5S}") Duration timeout) {
		this(new Routes() {
			@Override
			public WalletProvider route(long storeId, String method) {
				return router.route(storeId, method);
			}

			@Override
			public Optional<String> refusal(long storeId, String method, String vendorReference) {
				return router.refusal(storeId, method, vendorReference);
			}

			@Override
			public String providerName(long storeId, String method) {
				return router.providerName(storeId, method);
			}
		}, timeout);
	}

	/** One provider for every refund (tests). */
	WalletService(WalletProvider provider, Duration timeout) {
		this(new Routes() {
			@Override
			public WalletProvider route(long storeId, String method) {
				return provider;
			}

			@Override
			public Optional<String> refusal(long storeId, String method, String vendorReference) {
				return Optional.empty();
			}
		}, timeout);
	}

	private WalletService(Routes routes, Duration timeout) {
		this.routes = routes;
		this.timeout = timeout;
		AtomicInteger number = new AtomicInteger();
		// a thread per call in flight, none kept when idle: the wait for the wallet happens here,
		// so the time limit holds even when an adapter ignores its own
		this.calls = new ThreadPoolExecutor(0, 256, 30, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
			Thread thread = new Thread(runnable, "wallet-call-" + number.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		});
	}

	/** Asks the wallet to refund, waiting at most the call timeout. */
	public WalletAnswer refund(RefundOrder order) {
		return call("refund", order, () -> this.routes.route(order.storeId(), order.method()).refund(order));
	}

	/**
	 * Why the store's wallet for this method cannot refund a charge at all (checked before anything
	 * is reserved): e.g. Antom needs the wallet's payment ID. Empty when it can.
	 */
	public Optional<String> refusal(long storeId, String method, String vendorReference) {
		return this.routes.refusal(storeId, method, vendorReference);
	}

	/** Which wallet a store's refunds of this method go to ({@code SANDBOX}, {@code WECHATPAY_GLOBAL}, {@code ANTOM}). */
	public String providerName(long storeId, String method) {
		return this.routes.providerName(storeId, method);
	}

	/** Asks the wallet what became of a refund, waiting at most the call timeout. */
	public WalletAnswer queryRefund(RefundOrder order) {
		return call("query", order, () -> this.routes.route(order.storeId(), order.method()).queryRefund(order));
	}

	public Duration timeout() {
		return this.timeout;
	}

	private WalletAnswer call(String what, RefundOrder order, Callable<WalletAnswer> call) {
		Future<WalletAnswer> future;
		try {
			future = this.calls.submit(call);
		}
		catch (RejectedExecutionException ex) {
			log.warn("Wallet {} of refund {} not sent: too many calls in flight", what, order.refundKey());
			return WalletAnswer.unknown("too many wallet calls in flight");
		}
		try {
			WalletAnswer answer = future.get(this.timeout.toMillis(), TimeUnit.MILLISECONDS);
			return answer == null ? WalletAnswer.unknown("the wallet gave no answer") : answer;
		}
		catch (TimeoutException ex) {
			future.cancel(true);
			log.warn("Wallet {} of refund {} timed out after {}", what, order.refundKey(), this.timeout);
			return WalletAnswer.unknown("the wallet did not answer within " + this.timeout.toMillis() + " ms");
		}
		catch (ExecutionException ex) {
			Throwable cause = ex.getCause();
			if (cause instanceof WalletTimeoutException) {
				log.warn("Wallet {} of refund {} timed out: {}", what, order.refundKey(), cause.getMessage());
			}
			else {
				log.warn("Wallet {} of refund {} failed", what, order.refundKey(), cause);
			}
			return WalletAnswer.unknown(cause.getMessage());
		}
		catch (InterruptedException ex) {
			future.cancel(true);
			Thread.currentThread().interrupt();
			return WalletAnswer.unknown("interrupted while waiting for the wallet");
		}
	}

	@jakarta.annotation.PreDestroy
	void stop() {
		this.calls.shutdownNow();
	}

}
