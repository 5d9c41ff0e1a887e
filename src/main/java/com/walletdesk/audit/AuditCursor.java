package com.walletdesk.audit;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import com.walletdesk.web.ProblemException;

/** Where the next page of the trail starts: the (at, id) of the last event shown, opaque to clients. */
record AuditCursor(Instant at, long id) {

	String encode() {
		String raw = this.at.getEpochSecond() + "." + this.at.getNano() + "." + this.id;
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
	}

	static AuditCursor decode(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			if (value.length() > 100) {
				throw new IllegalArgumentException("too long");
			}
			String raw = new String(Base64.getUrlDecoder().decode(value.strip()), StandardCharsets.US_ASCII);
			String[] parts = raw.split("\\.");
			if (parts.length != 3) {
				throw new IllegalArgumentException("shape");
			}
			long id = Long.parseLong(parts[2]);
			int nanos = Integer.parseInt(parts[1]);
			if (id < 0 || nanos < 0 || nanos > 999_999_999) {
				throw new IllegalArgumentException("range");
			}
			Instant at = Instant.ofEpochSecond(Long.parseLong(parts[0]), nanos);
			if (!AuditFilter.inRange(at)) {
				throw new IllegalArgumentException("range");
			}
			return new AuditCursor(at, id);
		}
		catch (RuntimeException ex) {
			throw ProblemException.invalidField("INVALID_CURSOR", "cursor", "is not a cursor this service gave");
		}
	}

}
