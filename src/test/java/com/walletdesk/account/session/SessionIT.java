package com.walletdesk.account.session;

import com.walletdesk.account.AccountService;
import com.walletdesk.account.SecurityTestSupport;
import java.time.Duration;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.SessionRepository;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;
import org.springframework.test.util.ReflectionTestUtils;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 4 section 3: session lifetimes, IDs, sign-out, ending sessions, cookies, htmx. */
@IntegrationTest
class SessionIT {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	SessionRepository<?> sessions;

	private String user() {
		MerchantNode group = this.data.group("group", null);
		return this.data.merchantUser(group.id(), false);
	}

	private int moveSessionTimes(WebSession session, String column, Duration back) {
		return this.jdbc.sql("UPDATE SPRING_SESSION SET " + column + " = " + column + " - :ms WHERE SESSION_ID = :id")
			.param("ms", back.toMillis())
			.param("id", SecurityTestSupport.sessionId(session))
			.update();
	}

	@Test
	void sessionsLiveInTheDatabaseWithAFifteenMinuteIdleTimeout() {
		WebSession session = WebSession.signIn(this.port, user(), TestData.PASSWORD);
		Integer idle = this.jdbc.sql("SELECT MAX_INACTIVE_INTERVAL FROM SPRING_SESSION WHERE SESSION_ID = :id")
			.param("id", SecurityTestSupport.sessionId(session))
			.query(Integer.class)
			.single();
		assertThat(idle).isEqualTo(15 * 60);

		moveSessionTimes(session, "LAST_ACCESS_TIME", Duration.ofMinutes(14));
		assertThat(session.get("/api/v1/me").status()).as("14 minutes idle").isEqualTo(200);
		assertThat(moveSessionTimes(session, "LAST_ACCESS_TIME", Duration.ofMinutes(16))).isEqualTo(1);
		assertThat(session.get("/api/v1/me").status()).as("16 minutes idle").isEqualTo(401);
	}

	@Test
	void aSessionIsWrittenBackOnlyWhenItsStoredLastAccessIsHalfAMinuteOld() {
		WebSession session = WebSession.signIn(this.port, user(), TestData.PASSWORD);
		long stored = lastAccess(session);
		assertThat(session.get("/api/v1/me").status()).isEqualTo(200);
		assertThat(lastAccess(session)).as("a request soon after the last write writes nothing").isEqualTo(stored);

		moveSessionTimes(session, "LAST_ACCESS_TIME", Duration.ofSeconds(31));
		long moved = lastAccess(session);
		assertThat(session.get("/api/v1/me").status()).isEqualTo(200);
		assertThat(lastAccess(session)).as("31 seconds old: written back").isGreaterThanOrEqualTo(moved + 31_000);

		// requests keep a session alive: 14 minutes idle, a request, 14 minutes idle again
		moveSessionTimes(session, "LAST_ACCESS_TIME", Duration.ofMinutes(14));
		assertThat(session.get("/api/v1/me").status()).isEqualTo(200);
		moveSessionTimes(session, "LAST_ACCESS_TIME", Duration.ofMinutes(14));
		assertThat(session.get("/api/v1/me").status()).as("28 minutes since sign-in, 14 idle").isEqualTo(200);
	}

	private long lastAccess(WebSession session) {
		return this.jdbc.sql("SELECT LAST_ACCESS_TIME FROM SPRING_SESSION WHERE SESSION_ID = :id")
			.param("id", SecurityTestSupport.sessionId(session))
			.query(Long.class)
			.single();
	}

	@Test
	void theApplicationsSessionStoreIsSpringSessionJdbcBehindTheTouchInterval() {
		assertThat(this.sessions).isInstanceOf(TouchIntervalSessions.class);
		assertThat(ReflectionTestUtils.getField(this.sessions, "sessions")).isInstanceOf(JdbcIndexedSessionRepository.class);
		// and it works: a signed-in session is read on the next request and written when it changes
		WebSession session = WebSession.signIn(this.port, user(), TestData.PASSWORD);
		assertThat(session.get("/api/v1/me").status()).isEqualTo(200);
	}

	@Test
	void aSessionEndsTwelveHoursAfterSignInHoweverBusy() {
		WebSession session = WebSession.signIn(this.port, user(), TestData.PASSWORD);
		moveSessionTimes(session, "CREATION_TIME", Duration.ofHours(11).plusMinutes(58));
		assertThat(session.get("/api/v1/me").status()).isEqualTo(200);
		moveSessionTimes(session, "CREATION_TIME", Duration.ofMinutes(3));
		var api = session.get("/api/v1/me");
		assertThat(api.status()).isEqualTo(401);
		assertThat(api.code()).isEqualTo("UNAUTHENTICATED");
		assertThat(session.get("/").header("Location")).endsWith("/login");
	}

	@Test
	void signInGivesANewSessionIdAndTheOldOneIsWorthless() {
		String user = user();
		WebSession browser = WebSession.anonymous(this.port);
		assertThat(browser.get("/").status()).isEqualTo(302); // a session to remember where to return
		String before = browser.cookie("SESSION");
		assertThat(before).isNotBlank();
		assertThat(browser.submitLogin(user, TestData.PASSWORD).status()).isEqualTo(302);
		String after = browser.cookie("SESSION");
		assertThat(after).isNotBlank().isNotEqualTo(before);
		assertThat(browser.get("/api/v1/me").status()).isEqualTo(200);
		assertThat(SecurityTestSupport.withSessionCookie(this.port, before).get("/api/v1/me").status())
			.as("a fixed (pre-sign-in) session ID gives nothing").isEqualTo(401);
	}

	@Test
	void afterSignOutTheOldCookieIsWorthless() {
		WebSession session = WebSession.signIn(this.port, user(), TestData.PASSWORD);
		String cookie = session.cookie("SESSION");
		assertThat(session.get("/api/v1/me").status()).isEqualTo(200); // also sets XSRF-TOKEN
		assertThat(SecurityTestSupport.withSessionCookie(this.port, cookie).get("/api/v1/me").status()).isEqualTo(200);
		var out = session.form("/logout", java.util.Map.of("_csrf", session.xsrfToken()));
		assertThat(out.status()).isEqualTo(302);
		assertThat(out.header("Location")).endsWith("/login?logout");
		assertThat(SecurityTestSupport.withSessionCookie(this.port, cookie).get("/api/v1/me").status()).isEqualTo(401);
	}

	@Test
	void disablingAnAccountEndsItsSessionsAtOnceAndDeletesThem() {
		String user = user();
		WebSession one = WebSession.signIn(this.port, user, TestData.PASSWORD);
		WebSession two = WebSession.signIn(this.port, user, TestData.PASSWORD);
		assertThat(sessionsOf(user)).isEqualTo(2);
		long id = this.data.accountId(user);

		this.accounts.update(id, new AccountService.AccountChange(null, false, null));

		assertThat(sessionsOf(user)).as("SPRING_SESSION rows deleted").isZero();
		assertThat(one.get("/api/v1/me").status()).isEqualTo(401);
		assertThat(two.get("/").header("Location")).contains("/login");
		assertThat(WebSession.anonymous(this.port).submitLogin(user, TestData.PASSWORD).header("Location"))
			.endsWith("/login?error");
	}

	@Test
	void disablingIsFeltByTheNextRequestEvenBeforeTheRowsAreGone() {
		// CurrentUserFilter reloads the account on every request: the flag alone ends the session
		String user = user();
		WebSession session = WebSession.signIn(this.port, user, TestData.PASSWORD);
		this.jdbc.sql("UPDATE account SET enabled = FALSE WHERE username = :u").param("u", user).update();
		assertThat(session.get("/api/v1/me").status()).isEqualTo(401);
	}

	@Test
	void switchingTheLicenseOffEndsTheSessionAtOnce() {
		MerchantNode group = this.data.group("group", null);
		MerchantNode store = this.data.eurStore(group.id());
		String user = this.data.merchantUser(store.id(), false);
		WebSession session = WebSession.signIn(this.port, user, TestData.PASSWORD);
		String cookie = session.cookie("SESSION");
		this.data.license(group.id(), false);
		assertThat(session.get("/api/v1/transactions").code()).isEqualTo("LICENSE_INACTIVE");
		this.data.license(group.id(), true);
		assertThat(SecurityTestSupport.withSessionCookie(this.port, cookie).get("/api/v1/me").status())
			.as("the session was ended, not just refused").isEqualTo(401);
	}

	@Test
	void cookiesAreHttpOnlyAndSameSiteLaxAndSecureOverTls() {
		String user = user();
		WebSession plain = WebSession.anonymous(this.port);
		var signIn = plain.submitLogin(user, TestData.PASSWORD);
		String session = setCookie(signIn, "SESSION");
		assertThat(session).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");

		// behind a TLS-terminating proxy (X-Forwarded-Proto: https from the trusted loopback proxy)
		WebSession tls = WebSession.anonymous(this.port).header("X-Forwarded-Proto", "https");
		var page = tls.get("/"); // starts a session (to return to "/" after signing in)
		assertThat(setCookie(page, "SESSION")).contains("HttpOnly").containsIgnoringCase("SameSite=Lax")
			.contains("Secure");
		assertThat(setCookie(tls.get("/login"), "XSRF-TOKEN")).contains("Secure");
	}

	@Test
	void anHtmxRequestOnAnExpiredSessionReloadsToTheSignInPage() {
		WebSession session = WebSession.signIn(this.port, user(), TestData.PASSWORD);
		moveSessionTimes(session, "LAST_ACCESS_TIME", Duration.ofMinutes(20));
		var htmx = session.getHtmx("/");
		assertThat(htmx.status()).isEqualTo(401);
		assertThat(htmx.header("HX-Redirect")).endsWith("/login?expired");
		assertThat(htmx.body()).doesNotContain("<form");
	}

	private static String setCookie(WebSession.Response response, String name) {
		return response.raw()
			.headers()
			.allValues("Set-Cookie")
			.stream()
			.filter(c -> c.startsWith(name + "="))
			.reduce((a, b) -> b)
			.orElseThrow(() -> new AssertionError("no " + name + " cookie in " + response.raw().headers()));
	}

	private long sessionsOf(String user) {
		return this.jdbc.sql("SELECT COUNT(*) FROM SPRING_SESSION WHERE PRINCIPAL_NAME = :u")
			.param("u", user)
			.query(Long.class)
			.single();
	}

}
