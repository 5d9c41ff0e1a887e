package com.walletdesk.audit;

import java.time.Instant;

import com.walletdesk.web.ProblemException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditFilterTest {

	@Test
	void readsDatesAsWholeUtcDaysAndChecksEveryParameter() {
		AuditFilter filter = AuditFilter.parse("2026-11-01", "2026-11-02", "sign_in", "admin", "10", null);
		assertThat(filter.from()).isEqualTo(Instant.parse("2026-11-01T00:00:00Z"));
		assertThat(filter.to()).isEqualTo(Instant.parse("2026-11-03T00:00:00Z"));
		assertThat(filter.type()).isEqualTo("SIGN_IN");
		assertThat(filter.limit()).isEqualTo(10);
		assertThat(AuditFilter.parse(null, null, null, null, null, null).limit()).isEqualTo(50);
		assertCode(() -> AuditFilter.parse("2026-13-01", null, null, null, null, null), "INVALID_DATE");
		assertCode(() -> AuditFilter.parse("2026-11-02", "2026-11-01", null, null, null, null), "INVALID_PERIOD");
		assertCode(() -> AuditFilter.parse(null, null, "DROP", null, null, null), "INVALID_TYPE");
		assertCode(() -> AuditFilter.parse(null, null, null, null, "501", null), "INVALID_LIMIT");
		assertCode(() -> AuditFilter.parse(null, null, null, null, "0", null), "INVALID_LIMIT");
		assertCode(() -> AuditFilter.parse(null, null, null, null, null, "not-a-cursor"), "INVALID_CURSOR");
	}

	@Test
	void aCursorSurvivesTheRoundTrip() {
		AuditCursor cursor = new AuditCursor(Instant.parse("2026-11-28T10:15:30.123456Z"), 42);
		assertThat(AuditCursor.decode(cursor.encode())).isEqualTo(cursor);
	}

	@Property(tries = 1000)
	void malformedInputIsA400NeverAnotherError(@ForAll("junk") String from, @ForAll("junk") String type,
			@ForAll("junk") String limit, @ForAll("junk") String cursor) {
		try {
			AuditFilter filter = AuditFilter.parse(from, null, type, from, limit, cursor);
			assertThat(filter.limit()).isBetween(1, AuditFilter.MAX_LIMIT);
		}
		catch (ProblemException ex) {
			assertThat(ex.status().value()).isEqualTo(400);
		}
	}

	@Provide
	Arbitrary<String> junk() {
		return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(120),
				Arbitraries.of("' OR '1'='1", "1; DROP TABLE audit_event; --", "%", "_", "2026-02-30", "-1",
						"99999999999999999999", "SIGN_IN", "MjAyNg", "AAAA.BBBB.CCCC", "\u0000", "2026-11-28T00:00:00Z"),
				Arbitraries.just(null));
	}

	private static void assertCode(Runnable call, String code) {
		assertThatThrownBy(call::run).isInstanceOfSatisfying(ProblemException.class,
				ex -> assertThat(ex.code()).isEqualTo(code));
	}

}
