package com.walletdesk.account.session;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.MapSession;
import org.springframework.session.MapSessionRepository;

import static org.assertj.core.api.Assertions.assertThat;

/** What reaches the session store under {@link TouchIntervalSessions}: reads, writes, deletions. */
class TouchIntervalSessionsTest {

	private final CountingSessions stored = new CountingSessions();

	private final TouchIntervalSessions<MapSession> sessions = TouchIntervalSessions.around(this.stored,
			Duration.ofSeconds(30));

	private String storedSession() {
		MapSession session = this.stored.createSession();
		session.setAttribute("user", "alice");
		this.stored.save(session);
		this.stored.saves = 0;
		return session.getId();
	}

	@Test
	void aSessionOnlyUsedIsNotWrittenUntilItsStoredLastAccessIsTheTouchIntervalOld() {
		String id = storedSession();
		var session = this.sessions.findById(id);
		session.setLastAccessedTime(session.getLastAccessedTime().plusSeconds(29));
		this.sessions.save(session);
		assertThat(this.stored.saves).as("29 seconds later").isZero();

		session.setLastAccessedTime(session.getLastAccessedTime().plusSeconds(1));
		this.sessions.save(session);
		assertThat(this.stored.saves).as("30 seconds later").isEqualTo(1);
		this.sessions.save(session);
		assertThat(this.stored.saves).as("saved again with nothing new").isEqualTo(1);
	}

	@Test
	void aNewSessionAndAnyChangeOtherThanTheIdleClockAreWrittenAtOnce() {
		var created = this.sessions.createSession();
		this.sessions.save(created);
		assertThat(this.stored.saves).as("new").isEqualTo(1);

		for (var change : java.util.List.<java.util.function.Consumer<TouchIntervalSessions.TrackedSession<MapSession>>>of(
				s -> s.setAttribute("step", "mfa"), s -> s.removeAttribute("user"), s -> s.changeSessionId(),
				s -> s.setMaxInactiveInterval(Duration.ofMinutes(5)))) {
			this.stored.saves = 0;
			var session = this.sessions.findById(storedSession());
			change.accept(session);
			this.sessions.save(session);
			assertThat(this.stored.saves).isEqualTo(1);
		}
	}

	@Test
	void readsAndDeletionsGoStraightToTheStore() {
		String id = storedSession();
		this.sessions.findById(id);
		this.sessions.findById(id);
		assertThat(this.stored.reads).isEqualTo(2);
		this.sessions.deleteById(id);
		assertThat(this.sessions.findById(id)).isNull();
	}

	/** Spring Session's in-memory repository, counting reads and writes. */
	private static final class CountingSessions implements FindByIndexNameSessionRepository<MapSession> {

		private final Map<String, org.springframework.session.Session> map = new HashMap<>();

		private final MapSessionRepository delegate = new MapSessionRepository(this.map);

		int reads;

		int saves;

		@Override
		public MapSession createSession() {
			MapSession session = this.delegate.createSession();
			session.setLastAccessedTime(Instant.now());
			return session;
		}

		@Override
		public void save(MapSession session) {
			this.saves++;
			this.delegate.save(session);
		}

		@Override
		public MapSession findById(String id) {
			this.reads++;
			return this.delegate.findById(id);
		}

		@Override
		public void deleteById(String id) {
			this.delegate.deleteById(id);
		}

		@Override
		public Map<String, MapSession> findByIndexNameAndIndexValue(String indexName, String indexValue) {
			return Map.of();
		}

	}

}
