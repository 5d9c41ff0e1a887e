package com.walletdesk.account.session;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The session store (Spring Session JDBC) without a write for the idle clock alone on every
 * request. Spring Session writes a used session back because its last-access time moved: a row
 * update and a commit for nothing but the idle timeout. This decorator writes a session when
 * anything else changed (new, attributes, ID, lifetime), and otherwise only once the stored
 * last-access time is {@code touchInterval} old. The price: the idle timeout may end a session
 * up to {@code touchInterval} early. Reads, deletes and look-ups by principal go straight to
 * the repository it decorates.
 * <p>
 * It relies on attributes being saved only when set (Spring Session's default save mode,
 * {@code on-set-attribute}), which is how this application uses the session.
 */
final class TouchIntervalSessions<S extends Session>
		implements FindByIndexNameSessionRepository<TouchIntervalSessions.TrackedSession<S>> {

	private final FindByIndexNameSessionRepository<S> sessions;

	private final Duration touchInterval;

	private TouchIntervalSessions(FindByIndexNameSessionRepository<S> sessions, Duration touchInterval) {
		this.sessions = sessions;
		this.touchInterval = touchInterval;
	}

	static <S extends Session> TouchIntervalSessions<S> around(FindByIndexNameSessionRepository<S> sessions,
			Duration touchInterval) {
		return new TouchIntervalSessions<>(sessions, touchInterval);
	}

	@Override
	public TrackedSession<S> createSession() {
		return new TrackedSession<>(this.sessions.createSession(), true);
	}

	@Override
	public void save(TrackedSession<S> session) {
		if (session.changed
				|| !session.getLastAccessedTime().isBefore(session.storedLastAccess.plus(this.touchInterval))) {
			this.sessions.save(session.session);
			session.saved();
		}
	}

	@Override
	public TrackedSession<S> findById(String id) {
		S stored = this.sessions.findById(id);
		return stored == null ? null : new TrackedSession<>(stored, false);
	}

	@Override
	public void deleteById(String id) {
		this.sessions.deleteById(id);
	}

	@Override
	public Map<String, TrackedSession<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, TrackedSession<S>> found = new LinkedHashMap<>();
		this.sessions.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> found.put(id, new TrackedSession<>(session, false)));
		return found;
	}

	/** A stored session that knows whether anything but its last-access time changed since it was stored. */
	static final class TrackedSession<S extends Session> implements Session {

		private final S session;

		private boolean changed;

		private Instant storedLastAccess;

		private TrackedSession(S session, boolean isNew) {
			this.session = session;
			this.changed = isNew;
			this.storedLastAccess = session.getLastAccessedTime();
		}

		private void saved() {
			this.changed = false;
			this.storedLastAccess = this.session.getLastAccessedTime();
		}

		@Override
		public String getId() {
			return this.session.getId();
		}

		@Override
		public String changeSessionId() {
			this.changed = true;
			return this.session.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return this.session.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.session.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.changed = true;
			this.session.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.changed = true;
			this.session.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.session.getCreationTime();
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			this.session.setLastAccessedTime(lastAccessedTime);
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.session.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.changed = true;
			this.session.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.session.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.session.isExpired();
		}

	}

}
