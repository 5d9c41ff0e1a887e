package com.walletdesk.refund;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.IntFunction;

/** Runs n tasks on n threads released at the same instant, and collects their results in order. */
final class Concurrently {

	private Concurrently() {
	}

	static <T> List<T> run(int n, IntFunction<T> task) {
		ExecutorService pool = Executors.newFixedThreadPool(n);
		CountDownLatch ready = new CountDownLatch(n);
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				int index = i;
				futures.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					return task.apply(index);
				}));
			}
			if (!ready.await(30, TimeUnit.SECONDS)) {
				throw new AssertionError("threads did not start");
			}
			go.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> future : futures) {
				results.add(future.get(120, TimeUnit.SECONDS));
			}
			return results;
		}
		catch (Exception ex) {
			throw new AssertionError("a concurrent task failed", ex);
		}
		finally {
			pool.shutdownNow();
		}
	}

}
