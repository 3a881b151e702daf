package org.portico.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;

/**
 * The session store, reading a session once per request and writing it back only when
 * something in it changed or its last use is more than {@link #TOUCH} old. Spring Session
 * records the time of every request, which cost an UPDATE and a transaction per page; a
 * session now ends between 15 and 16 minutes after its last use instead of at exactly 15,
 * which is fine for an idle timeout.
 */
final class QuietSessions<S extends Session> implements FindByIndexNameSessionRepository<QuietSessions.Quiet<S>> {

	/** How stale a session's recorded last use may get before it is written anyway. */
	static final Duration TOUCH = Duration.ofMinutes(1);

	/**
	 * The session this request read or wrote. Spring Session commits a session when the
	 * response is committed and again when the request ends, and the second time reads it
	 * back from the database only to learn its id; this answers from memory instead. It
	 * is forgotten at the start of every request.
	 */
	private static final ThreadLocal<Quiet<?>> THIS_REQUEST = new ThreadLocal<>();

	private final FindByIndexNameSessionRepository<S> store;

	QuietSessions(FindByIndexNameSessionRepository<S> store) {
		this.store = store;
	}

	@Override
	public Quiet<S> createSession() {
		return new Quiet<>(this.store.createSession());
	}

	@Override
	public void save(Quiet<S> session) {
		this.store.save(session.stored);
		THIS_REQUEST.set(session);
	}

	@Override
	public Quiet<S> findById(String id) {
		Quiet<?> seen = THIS_REQUEST.get();
		if (seen != null && seen.getId().equals(id)) {
			return cast(seen);
		}
		S found = this.store.findById(id);
		Quiet<S> session = (found != null) ? new Quiet<>(found) : null;
		THIS_REQUEST.set(session);
		return session;
	}

	@Override
	public void deleteById(String id) {
		Quiet<?> seen = THIS_REQUEST.get();
		if (seen != null && seen.getId().equals(id)) {
			THIS_REQUEST.remove();
		}
		this.store.deleteById(id);
	}

	/** Forgets the session of the request this thread served before. */
	static void newRequest() {
		THIS_REQUEST.remove();
	}

	@SuppressWarnings("unchecked")
	private Quiet<S> cast(Quiet<?> session) {
		return (Quiet<S>) session;
	}

	@Override
	public Map<String, Quiet<S>> findByIndexNameAndIndexValue(String indexName, String indexValue) {
		Map<String, Quiet<S>> found = new LinkedHashMap<>();
		this.store.findByIndexNameAndIndexValue(indexName, indexValue)
			.forEach((id, session) -> found.put(id, new Quiet<>(session)));
		return found;
	}

	/** A stored session whose last use is recorded only when it moved by a minute. */
	static final class Quiet<S extends Session> implements Session {

		private final S stored;

		Quiet(S stored) {
			this.stored = stored;
		}

		@Override
		public void setLastAccessedTime(Instant lastAccessedTime) {
			// A tenth of the idle timeout, if that is less than a minute.
			Duration stale = this.stored.getMaxInactiveInterval().dividedBy(10);
			Duration touch = (stale.compareTo(TOUCH) < 0) ? stale : TOUCH;
			if (!lastAccessedTime.isBefore(this.stored.getLastAccessedTime().plus(touch))) {
				this.stored.setLastAccessedTime(lastAccessedTime);
			}
		}

		@Override
		public String getId() {
			return this.stored.getId();
		}

		@Override
		public String changeSessionId() {
			return this.stored.changeSessionId();
		}

		@Override
		public <T> T getAttribute(String attributeName) {
			return this.stored.getAttribute(attributeName);
		}

		@Override
		public Set<String> getAttributeNames() {
			return this.stored.getAttributeNames();
		}

		@Override
		public void setAttribute(String attributeName, Object attributeValue) {
			this.stored.setAttribute(attributeName, attributeValue);
		}

		@Override
		public void removeAttribute(String attributeName) {
			this.stored.removeAttribute(attributeName);
		}

		@Override
		public Instant getCreationTime() {
			return this.stored.getCreationTime();
		}

		@Override
		public Instant getLastAccessedTime() {
			return this.stored.getLastAccessedTime();
		}

		@Override
		public void setMaxInactiveInterval(Duration interval) {
			this.stored.setMaxInactiveInterval(interval);
		}

		@Override
		public Duration getMaxInactiveInterval() {
			return this.stored.getMaxInactiveInterval();
		}

		@Override
		public boolean isExpired() {
			return this.stored.isExpired();
		}

	}

}
