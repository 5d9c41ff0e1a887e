package com.walletdesk.account.request;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import com.walletdesk.audit.AuditService;
import com.walletdesk.web.ProblemResponses;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Records every 403 in the audit trail as {@code ACCESS_DENIED}, whoever refused it (the
 * security rules, the CSRF check, the license check, or a service's own privilege check):
 * it looks at the answer's status once the request has been served. Who: the signed-in
 * account or API key; what: the method and path (never the query string or body).
 */
public class AccessDeniedAudit extends OncePerRequestFilter {

	private final AuditService audit;

	public AccessDeniedAudit(AuditService audit) {
		this.audit = audit;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		finally {
			if (response.getStatus() == HttpServletResponse.SC_FORBIDDEN) {
				Authentication who = SecurityContextHolder.getContext().getAuthentication();
				String account = who == null || who instanceof AnonymousAuthenticationToken
						? (String) request.getAttribute(CurrentUserFilter.REFUSED_ACCOUNT) : who.getName();
				String path = ProblemResponses.path(request);
				this.audit.record(AuditService.ACCESS_DENIED, "DENIED", account, request.getMethod() + " " + path,
						null);
			}
		}
	}

}
