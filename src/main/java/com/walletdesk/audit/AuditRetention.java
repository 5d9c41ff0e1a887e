package com.walletdesk.audit;

import java.time.Clock;
import java.time.Instant;
import java.time.Period;
import java.time.ZoneOffset;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Keeps the audit trail for {@code walletdesk.audit.retention} (default 12 months, PCI DSS
 * 10.5.1) and removes older events once a day. Safe on many instances: the purge is one
 * idempotent DELETE by date.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class AuditRetention {

	private static final Logger log = LoggerFactory.getLogger(AuditRetention.class);

	private final AuditService audit;

	private final Clock clock;

	private final Period retention;

	AuditRetention(AuditService audit, Clock clock, @Value("${walletdesk.audit.retention:12m}") Period retention) {
		if (retention.isNegative() || retention.isZero()) {
			throw new IllegalArgumentException("walletdesk.audit.retention must be positive");
		}
		this.audit = audit;
		this.clock = clock;
		this.retention = retention;
	}

	@Scheduled(cron = "${walletdesk.audit.purge-cron:0 30 3 * * *}", zone = "UTC")
	void purge() {
		Instant cutoff = cutoff();
		long removed = this.audit.purgeBefore(cutoff);
		if (removed > 0) {
			log.info("Audit retention: removed {} events recorded before {}", removed, cutoff);
		}
	}

	/** Events recorded before this instant are past the retention period. */
	Instant cutoff() {
		return this.clock.instant().atZone(ZoneOffset.UTC).minus(this.retention).toInstant();
	}

	Period retention() {
		return this.retention;
	}

}
