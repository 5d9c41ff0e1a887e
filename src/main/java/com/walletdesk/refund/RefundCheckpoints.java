package com.walletdesk.refund;

import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * The points of a refund where a crash loses the most, named so a test can crash there on
 * purpose (like killbill's MockPaymentProviderPlugin knobs) and show that reconciliation still
 * brings the refund to a final state. Nothing is armed in normal running: each point then costs
 * one read.
 */
@Component
public class RefundCheckpoints {

	public enum Step {

		/** Transaction A committed (amount reserved); the wallet not yet called. */
		AFTER_RESERVATION,
		/** The wallet answered; transaction B not yet begun. */
		AFTER_WALLET_ANSWER,
		/** Inside transaction B, every write done, before the commit (so it rolls back). */
		BEFORE_SETTLEMENT_COMMIT

	}

	private final AtomicReference<Step> armed = new AtomicReference<>();

	/** The next refund to reach {@code step} throws {@link SimulatedCrash} there (once). */
	public void crashOnceAt(Step step) {
		this.armed.set(step);
	}

	public void disarm() {
		this.armed.set(null);
	}

	void reached(Step step) {
		if (this.armed.get() == step && this.armed.compareAndSet(step, null)) {
			throw new SimulatedCrash(step);
		}
	}

	/** The process "died" at a checkpoint: everything after it did not happen. */
	public static final class SimulatedCrash extends RuntimeException {

		SimulatedCrash(Step step) {
			super("simulated crash at " + step);
		}

	}

}
