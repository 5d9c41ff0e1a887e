package com.walletdesk.refund;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the reconciler every {@code walletdesk.refund.reconcile.interval} (default 30 s).
 * {@code walletdesk.refund.reconcile.enabled=false} turns the schedule off (the tests call the
 * reconciler themselves); it is safe to leave on in every instance.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "walletdesk.refund.reconcile.enabled", havingValue = "true", matchIfMissing = true)
class ReconcileSchedule {

	private static final Logger log = LoggerFactory.getLogger(ReconcileSchedule.class);

	private final RefundReconciler reconciler;

	ReconcileSchedule(RefundReconciler reconciler) {
		this.reconciler = reconciler;
	}

	@Scheduled(fixedDelayString = "${walletdesk.refund.reconcile.interval:PT30S}",
			initialDelayString = "${walletdesk.refund.reconcile.interval:PT30S}")
	void run() {
		try {
			this.reconciler.reconcile();
		}
		catch (RuntimeException ex) {
			log.error("Refund reconciliation pass failed; the next pass retries", ex);
		}
	}

}
