package com.walletdesk.account.request;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;

/**
 * Token buckets (bucket4j) per key, e.g. per source address or per API key: {@code capacity}
 * requests at once, refilled at {@code capacity} per {@code period}. Buckets live in this
 * instance's memory; the table is emptied when it grows past {@link #MAX_KEYS}, so a flood of
 * distinct keys cannot exhaust memory (its only effect: counts start again).
 */
public class RateLimiter {

	static final int MAX_KEYS = 100_000;

	private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

	private volatile long capacity;

	private volatile Duration period;

	public RateLimiter(long capacity, Duration period) {
		limits(capacity, period);
	}

	/** Takes one token; the answer says whether it was there, and when the next one will be. */
	public ConsumptionProbe take(String key) {
		if (this.buckets.size() > MAX_KEYS) {
			this.buckets.clear();
		}
		return this.buckets.computeIfAbsent(key, k -> newBucket()).tryConsumeAndReturnRemaining(1);
	}

	/** Gives a token back (an attempt that turned out well does not count). */
	public void giveBack(String key) {
		Bucket bucket = this.buckets.get(key);
		if (bucket != null) {
			bucket.addTokens(1);
		}
	}

	/** Every key starts afresh. */
	public void forgetAll() {
		this.buckets.clear();
	}

	/** Changes the limits (configuration, and tests); counts start again. */
	public void limits(long capacity, Duration period) {
		if (capacity < 1 || period.isNegative() || period.isZero()) {
			throw new IllegalArgumentException("a rate limit needs a positive capacity and period");
		}
		this.capacity = capacity;
		this.period = period;
		this.buckets.clear();
	}

	private Bucket newBucket() {
		long size = this.capacity;
		Duration refill = this.period;
		return Bucket.builder().addLimit(limit -> limit.capacity(size).refillGreedy(size, refill)).build();
	}

	public static long retryAfterSeconds(ConsumptionProbe probe) {
		return Math.max(1, (probe.getNanosToWaitForRefill() + 999_999_999L) / 1_000_000_000L);
	}

}
