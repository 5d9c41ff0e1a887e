package com.walletdesk.account.signin;

import com.walletdesk.account.SecurityTestSupport;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.MutableClock;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 4 section 2: lock-out after 10 failures, no enumeration, throttling per address. */
@IntegrationTest
class LockOutIT {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	AttemptThrottle throttle;

	@AfterEach
	void reset() {
		this.clock.reset();
		this.throttle.limiter().limits(20, Duration.ofMinutes(10));
	}

	private String user() {
		MerchantNode group = this.data.group("group", null);
		return this.data.merchantUser(group.id(), false);
	}

	private WebSession.Response attempt(String address, String user, String password) {
		return SecurityTestSupport.anonymousFrom(this.port, address).submitLogin(user, password);
	}

	@Test
	void tenFailuresLockTheAccountForThirtyMinutesEvenForTheRightPassword() {
		this.throttle.limiter().limits(1000, Duration.ofMinutes(10)); // this test is about the lock-out alone
		String user = user();
		String address = SecurityTestSupport.newAddress();
		for (int i = 1; i <= 9; i++) {
			assertThat(attempt(address, user, "Wrong-password-" + i).header("Location")).endsWith("/login?error");
		}
		assertThat(failedAttempts(user)).as("the counter is in the database").isEqualTo(9);
		assertThat(attempt(address, user, TestData.PASSWORD).header("Location")).as("9 failures: not locked yet")
			.matches(".*/$");
		assertThat(failedAttempts(user)).as("a success starts the count again").isZero();

		for (int i = 1; i <= 10; i++) {
			attempt(address, user, "Wrong-password-" + i);
		}
		var locked = attempt(address, user, TestData.PASSWORD);
		assertThat(locked.header("Location")).as("locked: the right password fails the same way")
			.endsWith("/login?error");
		assertThat(SecurityTestSupport.auditOutcomes(this.jdbc, user, "LOCKED_OUT")).hasSize(1);
		assertThat(SecurityTestSupport.auditOutcomes(this.jdbc, user, "SIGN_IN_FAILED")).contains("BAD_PASSWORD", "LOCKED");

		this.clock.advance(Duration.ofMinutes(29));
		assertThat(attempt(address, user, TestData.PASSWORD).header("Location")).endsWith("/login?error");
		this.clock.advance(Duration.ofMinutes(2));
		assertThat(attempt(address, user, TestData.PASSWORD).header("Location")).matches(".*/$");
	}

	@Test
	void anOperatorCanLiftTheLockBeforeItsTime() {
		String user = user();
		String address = SecurityTestSupport.newAddress();
		for (int i = 1; i <= 10; i++) {
			attempt(address, user, "Wrong-password-" + i);
		}
		assertThat(attempt(address, user, TestData.PASSWORD).header("Location")).endsWith("/login?error");
		long id = this.data.accountId(user);
		WebSession admin = WebSession.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
		assertThat(admin.get("/api/v1/admin/users/" + id + "/security").json().path("locked").asBoolean()).isTrue();
		assertThat(admin.post("/api/v1/admin/users/" + id + "/unlock", "").status()).isEqualTo(204);
		assertThat(admin.get("/api/v1/admin/users/" + id + "/security").json().path("locked").asBoolean()).isFalse();
		assertThat(attempt(address, user, TestData.PASSWORD).header("Location")).matches(".*/$");
		assertThat(admin.post("/api/v1/admin/users/999999999/unlock", "").status()).isEqualTo(404);
	}

	@Test
	void unknownUsernamesGetTheSameAnswerInTheSameTime() {
		String user = user();
		String address = SecurityTestSupport.newAddress();
		this.throttle.limiter().limits(1000, Duration.ofMinutes(10));
		// warm up both paths (class loading, JIT)
		for (int i = 0; i < 3; i++) {
			attempt(address, user, "Warm-up-password-" + i);
			attempt(address, "nobody-" + user, "Warm-up-password-" + i);
		}
		this.jdbc.sql("UPDATE account SET failed_attempts = 0 WHERE username = :u").param("u", user).update();
		List<Long> known = new ArrayList<>();
		List<Long> unknown = new ArrayList<>();
		for (int i = 0; i < 9; i++) { // below the lock-out, so the known account stays unlocked
			known.add(timed(() -> assertThat(attempt(address, user, "Wrong-password-x").header("Location"))
				.endsWith("/login?error")));
			unknown.add(timed(() -> assertThat(attempt(address, "nobody-" + user, "Wrong-password-x").header("Location"))
				.endsWith("/login?error")));
		}
		long knownMedian = median(known);
		long unknownMedian = median(unknown);
		System.out.printf("sign-in refusal, median of 9: known account %d ms, unknown username %d ms%n", knownMedian,
				unknownMedian);
		// both run one bcrypt comparison (most of the time): were the unknown path to skip it, it would
		// take a fraction of the known one's time; on a shared 2-core machine allow noise below that
		assertThat(Math.abs(knownMedian - unknownMedian)).as("known %d ms, unknown %d ms", knownMedian, unknownMedian)
			.isLessThan(Math.max(30, knownMedian / 2));
		assertThat(unknownMedian).as("the unknown path really hashes").isGreaterThan(20);
	}

	@Test
	void aBurstOfFailuresFromOneAddressGets429() {
		this.throttle.limiter().limits(5, Duration.ofMinutes(10));
		String user = user();
		String address = SecurityTestSupport.newAddress();
		for (int i = 0; i < 5; i++) {
			assertThat(attempt(address, user, "Wrong-password-" + i).status()).isEqualTo(302);
		}
		var page = attempt(address, user, "Wrong-password-6");
		assertThat(page.status()).isEqualTo(429);
		assertThat(page.header("Retry-After")).matches("\\d+");
		assertThat(page.body()).contains("too many attempts from your address");
		// the API answers problem JSON
		var api = SecurityTestSupport.anonymousFrom(this.port, address).post("/api/v1/mfa/verify", "{\"code\":\"1\"}");
		assertThat(api.status()).isEqualTo(429);
		assertThat(api.header("Content-Type")).startsWith("application/problem+json");
		assertThat(api.code()).isEqualTo("TOO_MANY_REQUESTS");
		// another address is not affected, and successful sign-ins do not use up the burst
		String other = SecurityTestSupport.newAddress();
		for (int i = 0; i < 8; i++) {
			assertThat(attempt(other, user, TestData.PASSWORD).header("Location")).matches(".*/$");
		}
	}

	private static long timed(Runnable call) {
		long start = System.nanoTime();
		call.run();
		return (System.nanoTime() - start) / 1_000_000;
	}

	private static long median(List<Long> values) {
		List<Long> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(sorted.size() / 2);
	}

	private int failedAttempts(String user) {
		return this.jdbc.sql("SELECT failed_attempts FROM account WHERE username = :u")
			.param("u", user)
			.query(Integer.class)
			.single();
	}

}
