package com.walletdesk.account;

import java.util.Properties;

import com.walletdesk.audit.AuditService;
import com.walletdesk.support.MessageBundles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The security bundle names what the audit page lists. (MessageBundleTest checks every bundle's
 * keys in both languages and every key a template uses.)
 */
class SecurityMessagesTest {

	@Test
	void everyAuditTypeHasItsNameOnTheAuditPageInBothLanguages() {
		Properties english = MessageBundles.load("security");
		Properties portuguese = MessageBundles.load("security_pt");
		for (String type : AuditService.TYPES) {
			assertThat(english.getProperty("audit.type." + type)).as(type).isNotBlank();
			assertThat(portuguese.getProperty("audit.type." + type)).as(type).isNotBlank();
		}
	}

}
