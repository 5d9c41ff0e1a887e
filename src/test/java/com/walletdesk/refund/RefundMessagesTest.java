package com.walletdesk.refund;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

import com.walletdesk.support.MessageBundles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Every refusal code has its words in English and Portuguese (MessageBundleTest checks the bundles' keys agree). */
class RefundMessagesTest {

	@Test
	void everyCodeHasAMessageInBothLanguages() throws Exception {
		Properties en = MessageBundles.load("refund");
		Properties pt = MessageBundles.load("refund_pt");
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
		assertThat(en.getProperty("refund.error.DAILY_BALANCE_EXCEEDED"))
			.startsWith(RefundCodes.DAILY_BALANCE_MESSAGE)
			.contains("00:00 China time");
		assertThat(en.getProperty("refund.pending")).contains("being confirmed with the wallet");
		assertThat(en.getProperty("refund.error.PROVIDER_DECLINED")).contains("{0}");
	}

}
