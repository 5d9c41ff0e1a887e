package com.walletdesk.account.apikey;

import com.walletdesk.account.request.RateLimiter;
import com.walletdesk.account.signin.MfaService;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.walletdesk.audit.AuditService;
import com.walletdesk.web.ProblemException;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

/**
 * Machine keys for the ingestion API (API.md "Operator administration"). A key is
 * {@code wdk_} and 32 random bytes (base64url), shown once at creation; only its SHA-256 is
 * stored (a 256-bit random key needs no slow hash). A key does only what its purpose allows
 * (INGEST: {@code /api/v1/ingest/**}), stops working the moment it is revoked, records when it
 * was last used (to the minute) and is rate limited per key.
 */
@Service
public class ApiKeyService {

	/** What a key may do: its purpose becomes the authority {@code SCOPE_<purpose>}. */
	public enum Purpose {

		INGEST

	}

	static final String PREFIX = "wdk_";

	private final ApiKeys keys;

	private final AuditService audit;

	private final Clock clock;

	private final RateLimiter limiter;

	private final SecureRandom random = new SecureRandom();

	ApiKeyService(ApiKeys keys, AuditService audit, Clock clock,
			@Value("${walletdesk.security.api-key.rate-limit.capacity:200}") long capacity,
			@Value("${walletdesk.security.api-key.rate-limit.period:1s}") Duration period) {
		this.keys = keys;
		this.audit = audit;
		this.clock = clock;
		this.limiter = new RateLimiter(capacity, period);
	}

	/** Creates a key; the returned value holds the key itself, which is never shown again. */
	public NewKey create(com.walletdesk.account.CurrentUser operator, String name, String purpose) {
		return create(name, purpose, operator.requireOperator().username());
	}

	private NewKey create(String name, String purpose, String operator) {
		String label = name == null ? "" : name.strip();
		if (label.isEmpty() || label.length() > 100) {
			throw ProblemException.validation("name", "must be 1 to 100 characters");
		}
		Purpose kind;
		try {
			kind = Purpose.valueOf(purpose == null ? "" : purpose.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw ProblemException.validation("purpose", "must be INGEST");
		}
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String key = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		long id = this.keys.insert(label, kind.name(), key.substring(0, 10), MfaService.hash(key), operator,
				this.clock.instant());
		this.audit.record(AuditService.ADMIN_CHANGE, "SUCCESS", operator, "api-key/" + id,
				"API key created: " + label + " (" + kind + ")");
		return new NewKey(String.valueOf(id), key, label, kind.name());
	}

	public void revoke(com.walletdesk.account.CurrentUser operator, long id) {
		revoke(id, operator.requireOperator().username());
	}

	private void revoke(long id, String operator) {
		ApiKeys.ApiKey key = this.keys.findById(id).orElseThrow(() -> ProblemException.notFound("API key"));
		if (this.keys.revoke(id, this.clock.instant())) {
			this.audit.record(AuditService.ADMIN_CHANGE, "SUCCESS", operator, "api-key/" + id,
					"API key revoked: " + key.name());
		}
	}

	public List<KeySummary> list(com.walletdesk.account.CurrentUser operator) {
		operator.requireOperator();
		return list();
	}

	private List<KeySummary> list() {
		return this.keys.findAll().stream().map(KeySummary::of).toList();
	}

	/** The active key a Bearer value names, recording its use; empty for an unknown or revoked key. */
	Optional<ApiKeys.ApiKey> authenticate(String presented) {
		if (presented == null || !presented.startsWith(PREFIX) || presented.length() > 100) {
			return Optional.empty();
		}
		Optional<ApiKeys.ApiKey> key = this.keys.findActiveByHash(MfaService.hash(presented));
		key.ifPresent(k -> this.keys.touch(k, this.clock.instant()));
		return key;
	}

	RateLimiter limiter() {
		return this.limiter;
	}

	/** The answer to a creation: the only time the key is seen. */
	public record NewKey(String id, String key, String name, String purpose) {
	}

	/** A key as operators see it later: never the key, only its first characters. */
	public record KeySummary(String id, String name, String purpose, String prefix, String createdBy,
			String createdAt, String lastUsedAt, String revokedAt) {

		static KeySummary of(ApiKeys.ApiKey key) {
			return new KeySummary(String.valueOf(key.id()), key.name(), key.purpose(), key.prefix(), key.createdBy(),
					text(key.createdAt()), text(key.lastUsedAt()), text(key.revokedAt()));
		}

		private static String text(Object value) {
			return value == null ? null : value.toString();
		}

	}

}
