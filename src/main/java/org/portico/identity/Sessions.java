package org.portico.identity;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import org.portico.audit.AuditEvent;
import org.portico.audit.AuditLog;
import org.portico.audit.AuditOutcome;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * A user's sessions, wherever they were opened: the database holds them all. Without a
 * web application (the data set command) there are none.
 */
@Component
public class Sessions {

	private final ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository;

	private final AuditLog audit;

	Sessions(ObjectProvider<FindByIndexNameSessionRepository<? extends Session>> repository, AuditLog audit) {
		this.repository = repository;
		this.audit = audit;
	}

	/** A signed-in session as its owner may see it. */
	public record SessionView(String id, Instant started, Instant lastUsed) {
	}

	public List<SessionView> of(String username) {
		return find(username).values()
			.stream()
			.map((s) -> new SessionView(s.getId(), s.getCreationTime(), s.getLastAccessedTime()))
			.sorted(Comparator.comparing(SessionView::lastUsed).reversed())
			.toList();
	}

	/**
	 * Ends every session of the user, such as after a password reset or a deactivation.
	 */
	public void endAll(String username) {
		endAllExcept(username, null);
	}

	/** Ends the user's sessions but the one given, such as after a password change. */
	public void endAllExcept(String username, String keep) {
		FindByIndexNameSessionRepository<? extends Session> sessions = this.repository.getIfAvailable();
		if (sessions != null) {
			List<String> ending = find(username).keySet().stream().filter((id) -> !id.equals(keep)).toList();
			ending.forEach(sessions::deleteById);
			ended(username, ending.size());
		}
	}

	/** Ends one of the user's sessions; someone else's is never touched. */
	public boolean end(String username, String sessionId) {
		FindByIndexNameSessionRepository<? extends Session> sessions = this.repository.getIfAvailable();
		if (sessions == null || !find(username).containsKey(sessionId)) {
			return false;
		}
		sessions.deleteById(sessionId);
		this.audit.record(AuditEvent.success(username, "session.end", "session", null));
		return true;
	}

	private void ended(String username, int count) {
		if (count > 0) {
			this.audit.record(new AuditEvent(username, "session.end", "session", null, AuditOutcome.SUCCESS,
					count + " session(s)"));
		}
	}

	private Map<String, ? extends Session> find(String username) {
		FindByIndexNameSessionRepository<? extends Session> sessions = this.repository.getIfAvailable();
		return (sessions != null) ? sessions.findByPrincipalName(username) : Map.of();
	}

}
