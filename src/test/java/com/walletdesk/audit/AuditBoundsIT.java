package com.walletdesk.audit;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit trail's dates and cursor outside what can be stored: 400, never 500 (issue 15, defect 3). */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditBoundsIT {

	@LocalServerPort
	int port;

	WebSession admin;

	@BeforeAll
	void signIn() {
		this.admin = WebSession.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
	}

	@ParameterizedTest
	@ValueSource(strings = { "from=%2B1000000000-01-01T00:00:00Z", "to=%2B1000000000-01-01T00:00:00Z",
			"from=%2B294277-01-01T00:00:00Z", "to=%2B294277-01-01T00:00:00Z", "from=-1000000000-01-01T00:00:00Z",
			"to=-4714-11-24T00:00:00Z", "from=0001-01-01", "to=%2B10000-01-01T00:00:00Z" })
	void datesBeyondWhatIsStoredAreInvalidDates(String query) {
		var answer = this.admin.get("/api/v1/admin/audit?" + query);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.code()).isEqualTo("INVALID_DATE");
		assertThat(answer.json().path("fields").has(query.substring(0, query.indexOf('=')))).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "9999-12-31", "1970-01-01" })
	void theOuterDatesStillWork(String day) {
		assertThat(this.admin.get("/api/v1/admin/audit?from=" + day).status()).isEqualTo(200);
		assertThat(this.admin.get("/api/v1/admin/audit?to=" + day).status()).isEqualTo(200);
	}

	@ParameterizedTest
	@ValueSource(strings = { "31556889864403199.999999999.1", "-31557014167219200.0.1", "9223372036854775807.0.1",
			"253402300800.0.5", "-1.0.5" })
	void aForgedCursorHoldingAnOutOfRangeInstantIsInvalid(String raw) {
		String cursor = Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
		var answer = this.admin.get("/api/v1/admin/audit?cursor=" + cursor);
		assertThat(answer.status()).as(answer.toString()).isEqualTo(400);
		assertThat(answer.code()).isEqualTo("INVALID_CURSOR");
	}

}
