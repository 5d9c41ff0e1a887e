package com.walletdesk.refund;

import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every refusal code has its words in English and Portuguese, and the two bundles hold the same keys. */
class RefundMessagesTest {

	@Test
	void everyCodeHasAMessageInBothLanguages() throws Exception {
		Properties en = load("messages/refund.properties");
		Properties pt = load("messages/refund_pt.properties");
		List<String> codes = new ArrayList<>();
		for (Field field : RefundCodes.class.getFields()) {
			if (Modifier.isStatic(field.getModifiers()) && !field.getName().endsWith("_MESSAGE")) {
				codes.add((String) field.get(null));
			}
		}
		assertThat(codes).hasSizeGreaterThan(10);
		for (String code : codes) {
			assertThat(en.getProperty("refund.error." + code)).as("en %s", code).isNotBlank();
			assertThat(pt.getProperty("refund.error." + code)).as("pt %s", code).isNotBlank();
		}
		assertThat(pt.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
		assertThat(en.getProperty("refund.error.DAILY_BALANCE_EXCEEDED"))
			.startsWith(RefundCodes.DAILY_BALANCE_MESSAGE)
			.contains("00:00 China time");
		assertThat(en.getProperty("refund.pending")).contains("being confirmed with the wallet");
		assertThat(en.getProperty("refund.error.PROVIDER_DECLINED")).contains("{0}");
	}

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (var in = RefundMessagesTest.class.getClassLoader().getResourceAsStream(name)) {
			assertThat(in).as(name).isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
