package com.walletdesk.account;

import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Test-only endpoint under {@code /api/v1/ingest/**}, so the API key rules can be proved
 * without the ingestion module (which takes the same {@link Authentication}).
 */
@RestController
class IngestProbeController {

	@PostMapping("/api/v1/ingest/security-probe")
	Map<String, Object> probe(Authentication authentication) {
		return Map.of("name", authentication.getName(), "authorities",
				authentication.getAuthorities().stream().map(Object::toString).toList());
	}

}
