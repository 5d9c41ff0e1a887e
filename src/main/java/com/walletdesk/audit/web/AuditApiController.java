package com.walletdesk.audit.web;

import java.security.Principal;
import java.util.List;

import com.walletdesk.audit.AuditFilter;
import com.walletdesk.audit.AuditService;
import com.walletdesk.audit.AuditService.AuditPage;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/admin/audit}: the trail for operators (the security rules allow only them). */
@RestController
class AuditApiController {

	private final AuditService audit;

	AuditApiController(AuditService audit) {
		this.audit = audit;
	}

	@GetMapping("/api/v1/admin/audit")
	AuditList search(Principal reader, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String type,
			@RequestParam(required = false) String account, @RequestParam(required = false) String limit,
			@RequestParam(required = false) String cursor) {
		AuditPage page = this.audit.search(reader.getName(), AuditFilter.parse(from, to, type, account, limit, cursor));
		return new AuditList(page.items().stream().map(AuditItem::of).toList(), page.nextCursor());
	}

	record AuditList(List<AuditItem> items, String nextCursor) {
	}

	/** One event in the API's shape: IDs as strings, the time as an ISO instant. */
	record AuditItem(String id, String at, String account, String type, String outcome, String sourceIp,
			String resource, String details) {

		static AuditItem of(AuditService.AuditEvent event) {
			return new AuditItem(String.valueOf(event.id()), event.at().toString(), event.account(), event.type(),
					event.outcome(), event.sourceIp(), event.resource(), event.details());
		}

	}

}
