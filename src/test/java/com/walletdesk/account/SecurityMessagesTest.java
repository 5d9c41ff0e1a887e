package com.walletdesk.account;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The security bundle has every key in English and Portuguese, and every key our templates use. */
class SecurityMessagesTest {

	private static Properties load(String name) throws IOException {
		Properties properties = new Properties();
		try (var in = new InputStreamReader(SecurityMessagesTest.class.getClassLoader().getResourceAsStream(name),
				StandardCharsets.UTF_8)) {
			properties.load(in);
		}
		return properties;
	}

	@Test
	void everyKeyInBothLanguagesAndEveryTemplateKeyDefined() throws IOException {
		Properties english = load("messages/security.properties");
		Properties portuguese = load("messages/security_pt.properties");
		assertThat(new TreeSet<>(portuguese.stringPropertyNames())).isEqualTo(new TreeSet<>(english.stringPropertyNames()));
		english.stringPropertyNames()
			.forEach(key -> assertThat(portuguese.getProperty(key)).as(key).isNotBlank().isNotEqualTo("TODO"));

		Set<String> used = new TreeSet<>();
		Pattern key = Pattern.compile("#\\{([a-zA-Z0-9_.]+)}");
		try (Stream<Path> templates = Stream.concat(Files.walk(Path.of("src/main/resources/templates/account")),
				Stream.of(Path.of("src/main/resources/templates/admin/audit.html")))) {
			for (Path template : templates.filter(p -> p.toString().endsWith(".html")).toList()) {
				Matcher matcher = key.matcher(Files.readString(template));
				while (matcher.find()) {
					used.add(matcher.group(1));
				}
			}
		}
		Properties core = load("messages/messages.properties");
		for (String name : used) {
			assertThat(english.containsKey(name) || core.containsKey(name)).as("message key " + name).isTrue();
		}
		assertThat(used).contains("password.submit", "mfa.enrol.start", "audit.heading");
	}

	@Test
	void everyAuditTypeHasItsNameOnTheAuditPage() throws IOException {
		Properties english = load("messages/security.properties");
		for (String type : com.walletdesk.audit.AuditService.TYPES) {
			assertThat(english.getProperty("audit.type." + type)).as(type).isNotBlank();
		}
	}

}
