package com.walletdesk.demo;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.walletdesk.merchant.MerchantService;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the demo data set at start when demo mode is on ({@link DemoSettings}) and the database
 * holds no merchant yet, in one database transaction (all of it or none), then prints where the
 * dashboard runs and how to sign in. Runs after the first operator is created.
 */
@Component
@Order(10)
class DemoData implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoData.class);

	private final MerchantService merchants;

	private final DemoDataSet dataSet;

	private final TransactionTemplate transaction;

	private final Environment environment;

	private volatile Result lastLoad;

	DemoData(MerchantService merchants, DemoDataSet dataSet, TransactionTemplate transaction, Environment environment) {
		this.merchants = merchants;
		this.dataSet = dataSet;
		this.transaction = transaction;
		this.environment = environment;
	}

	/**
	 * A finished load, how long it took, and the CPU time of the loading thread (on H2 that is
	 * nearly all the work; it tells the cost apart from waiting on a busy machine).
	 */
	record Result(DemoDataSet.Loaded loaded, Duration took, Duration cpu) {
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!DemoSettings.enabled(this.environment)) {
			return;
		}
		StringBuilder banner = new StringBuilder("\n\n  Walletdesk is running at http://localhost:")
			.append(this.environment.getProperty("local.server.port", this.environment.getProperty("server.port", "8080")))
			.append("/\n");
		if (this.merchants.isEmpty()) {
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			long started = System.nanoTime();
			long cpuStarted = threads.getCurrentThreadCpuTime();
			DemoDataSet.Loaded loaded = this.transaction.execute(status -> this.dataSet.load());
			this.lastLoad = new Result(loaded, Duration.ofNanos(System.nanoTime() - started),
					Duration.ofNanos(Math.max(0, threads.getCurrentThreadCpuTime() - cpuStarted)));
			banner.append(String.format(
					"  Demo data loaded in %d ms (CPU %d ms): %d merchants, %d accounts, %,d transactions (%d refunds)%n",
					this.lastLoad.took().toMillis(), this.lastLoad.cpu().toMillis(), loaded.merchants(), loaded.accounts(),
					loaded.transactions(), loaded.refunds()));
		}
		else {
			banner.append("  Demo data: the database already holds merchants, nothing loaded this time\n");
		}
		banner.append("  Demo sign-ins (username / password):\n");
		for (DemoAccount account : DemoAccount.ALL) {
			banner.append(String.format("    %-15s / %-25s %s%n", account.username(), account.password(), account.role()));
		}
		log.info(banner.toString());
	}

	/** The load of this start, or null when nothing was loaded. */
	Result lastLoad() {
		return this.lastLoad;
	}

}
