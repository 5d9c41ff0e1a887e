package com.walletdesk.audit;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** An audit record may quote a caller's text: control characters never reach the database. */
class AuditStorableTextTest {

	@Test
	void controlCharactersAreReplacedAndLinesKept() {
		assertThat(AuditService.storable("header \u0000cell\u0001\nnext\tline")).isEqualTo("header \uFFFDcell\uFFFD\nnext\tline");
		assertThat(AuditService.storable(null)).isNull();
	}

}
