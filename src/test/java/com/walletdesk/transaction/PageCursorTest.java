package com.walletdesk.transaction;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

import com.walletdesk.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PageCursorTest {

	@Test
	void roundTripKeepsPositionToTheMicrosecondAndDirection() {
		PageCursor older = new PageCursor(Instant.parse("2026-11-27T23:30:05.123456Z"), "280024065451",
				PageCursor.Direction.OLDER);
		assertThat(PageCursor.decode(older.encode())).isEqualTo(older);
		PageCursor newer = new PageCursor(Instant.parse("2019-09-24T15:41:05Z"), "000000000001", PageCursor.Direction.NEWER);
		assertThat(PageCursor.decode(newer.encode())).isEqualTo(newer);
		assertThat(older.encode()).as("URL-safe, no padding").matches("[A-Za-z0-9_-]+");
	}

	@Test
	void absentCursorIsTheFirstPage() {
		assertThat(PageCursor.decode(null)).isNull();
		assertThat(PageCursor.decode(" ")).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "abc", "!!!!", "djE6bzoxOjI4MDAyNDA2NTQ1MQ==x", "' OR 1=1 --" })
	void garbageIsRefused(String cursor) {
		assertInvalid(cursor);
	}

	@Test
	void wellEncodedButForgedPositionsAreRefused() {
		assertInvalid(encode("v1:o:1795816552000000:28002406545"), "an 11-digit id");
		assertInvalid(encode("v1:x:1795816552000000:280024065451"), "an unknown direction");
		assertInvalid(encode("v2:o:1795816552000000:280024065451"), "another version");
		assertInvalid(encode("v1:o:-9223372036854775808:280024065451"), "year -290000");
		assertInvalid(encode("v1:o:9223372036854775807:280024065451"), "year 294000");
		assertInvalid(encode("v1:o:-2208988800000000:280024065451"), "1900");
		assertInvalid(encode("v1:o:99999999999999999999:280024065451"), "past a long");
		assertInvalid(encode("v1:o:1795816552000000:280024065451' OR '1'='1"), "an injection");
		assertInvalid("A".repeat(5000), "a huge cursor");
	}

	private static String encode(String raw) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
	}

	private static void assertInvalid(String cursor, String... why) {
		assertThatThrownBy(() -> PageCursor.decode(cursor)).as(String.join(" ", why))
			.isInstanceOfSatisfying(ProblemException.class, ex -> {
				assertThat(ex.code()).isEqualTo("INVALID_CURSOR");
				assertThat(ex.status().value()).isEqualTo(400);
			});
	}

}
