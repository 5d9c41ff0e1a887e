package com.walletdesk.account.session;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The session store (Spring Session JDBC) without the database round trips a request does not
 * need. Spring Session, as it stands, costs every request a read, a write and a second read:
 * <ul>
 * <li>it writes a used session back because its last-access time moved, a row update and a
 * commit for nothing but the idle clock. This repository writes a session when anything else
 * changed (new, attributes, ID, lifetime), and otherwise only once the stored last-access time
 * is {@code touchInterval} old. The price: the idle timeout may end a session up to
 * {@code touchInterval} early.</li>
 * <li>it saves a session twice when the answer is sent before the request ends, and the second
 * time reads it again only to learn whether it still exists (spring-session issue 1731). Within
 * a request ({@link #openRequest}), this repository answers a second read of the same session
 * with the session it already holds.</li>
 * <li>it reads a session inside a transaction, whose COMMIT is a round trip of its own. This
 * repository reads without one ({@link SessionTransactions}).</li>
 * </ul>
 * It relies on attributes being saved only when set (Spring Session's default save mode,
 * {@code on-set-attribute}), which is how this application uses the session.
 */
final class QuietSessionRepository<S extends Session>
		implements FindByIndexNameSessionRepository<QuietSessionRepository.TrackedSession<S>> {

	/** The sessions read during the current request, by ID; null outside a request. */
	private static final ThreadLocal<Map<String, TrackedSession<?>>> READ_IN_REQUEST = new ThreadLocal<>();

	private final FindByIndexNameSessionRepository<S> sessions;

	private final Duration touchInterval;

	private QuietSessionRepository(FindByIndexNameSessionRepository<S> sessions, Duration touchInterval) {
		this.sessions = sessions;
		this.touchInterval = touchInterval;
	}

	static <S extends Session> QuietSessionRepository<S> around(FindByIndexNameSessionRepository<S> sessions,
			Duration touchInterval) {
		return new QuietSessionRepository<>(sessions, touchInterval);
	}

	/** Starts remembering the sessions read on this thread, until {@link #closeRequest}. */
	static void openRequest() {
		READ_IN_REQUEST.set(new HashMap<>());
	}

	static void closeRequest() {
		READ_IN_REQUEST.remove();
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
	@SuppressWarnings("unchecked")
	public TrackedSession<S> findById(String id) {
		Map<String, TrackedSession<?>> read = READ_IN_REQUEST.get();
		TrackedSession<S> held = read == null ? null : (TrackedSession<S>) read.get(id);
		if (held != null && held.getId().equals(id) && !held.isExpired()) {
			return held;
		}
		S stored = SessionTransactions.reading(() -> this.sessions.findById(id));
		if (stored == null) {
			return null;
		}
		TrackedSession<S> session = new TrackedSession<>(stored, false);
		if (read != null) {
			read.put(id, session);
		}
		return session;
	}

	@Override
	public void deleteById(String id) {
		Map<String, TrackedSession<?>> read = READ_IN_REQUEST.get();
		if (read != null) {
			read.remove(id);
		}
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
