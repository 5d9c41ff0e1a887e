package com.walletdesk.account.session;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Ends an account's sessions in the session store (the SPRING_SESSION rows, found by principal
 * name): used when an account is disabled or an operator resets its password. The per-request
 * check in {@link CurrentUserFilter} would refuse them anyway; deleting them leaves nothing behind.
 */
@Component
public class SessionTerminator {

	private final ObjectProvider<FindByIndexNameSessionRepository<?>> sessions;

	SessionTerminator(ObjectProvider<FindByIndexNameSessionRepository<?>> sessions) {
		this.sessions = sessions;
	}

	/** How many sessions {@code username} holds in the session store now. */
	public int countSessionsOf(String username) {
		FindByIndexNameSessionRepository<?> repository = this.sessions.getIfAvailable();
		return repository == null ? 0 : repository.findByPrincipalName(username).size();
	}

	/** Deletes every session of {@code username} except {@code keepSessionId} (may be null); returns how many. */
	public int endSessionsOf(String username, String keepSessionId) {
		FindByIndexNameSessionRepository<?> repository = this.sessions.getIfAvailable();
		if (repository == null) {
			return 0;
		}
		int ended = 0;
		for (String id : repository.findByPrincipalName(username).keySet()) {
			if (!id.equals(keepSessionId)) {
				repository.deleteById(id);
				ended++;
			}
		}
		return ended;
	}

}
