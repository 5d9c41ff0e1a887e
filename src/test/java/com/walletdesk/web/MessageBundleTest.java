package com.walletdesk.web;

import java.io.IOException;
import java.io.Reader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.walletdesk.support.MessageBundles;
import org.attoparser.ParseException;
import org.attoparser.config.ParseConfiguration;
import org.attoparser.dom.DOMMarkupParser;
import org.attoparser.dom.Element;
import org.attoparser.dom.INestableNode;
import org.attoparser.dom.INode;
import org.attoparser.dom.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page text is a message key, in English and Portuguese: fails on a key missing from a
 * language, on a key a template names but no bundle has, and on text written straight into a
 * template (a text node, or a label-like attribute, that does not come from {@code th:*}).
 */
class MessageBundleTest {

	/** Attributes whose content is read or shown to people. */
	private static final Set<String> LABEL_ATTRIBUTES = Set.of("aria-label", "title", "placeholder", "alt",
			"aria-description");

	/** Input types whose {@code value} is their visible caption. */
	private static final Set<String> CAPTIONED_INPUTS = Set.of("button", "submit", "reset");

	/** Thymeleaf attributes that replace an element's body (or the element), so its text is only a sample. */
	private static final Set<String> BODY_REPLACING = Set.of("th:text", "th:utext", "th:replace", "th:insert",
			"th:remove", "data-th-text", "data-th-utext", "data-th-replace", "data-th-insert");

	private static final Pattern LETTER = Pattern.compile("\\p{L}");

	private static final Pattern MESSAGE_KEY = Pattern.compile("#\\{([\\w.\\-]+)");

	@ParameterizedTest
	@ValueSource(strings = { "messages", "refund", "security", "console" })
	void everyKeyExistsInEnglishAndPortuguese(String bundle) {
		Properties english = MessageBundles.load(bundle);
		Properties portuguese = MessageBundles.load(bundle + "_pt");

		assertThat(new TreeSet<>(portuguese.stringPropertyNames())).as(bundle + "_pt.properties has the keys of English")
			.containsExactlyElementsOf(new TreeSet<>(english.stringPropertyNames()));
		for (Properties language : List.of(english, portuguese)) {
			language.forEach((key, value) -> assertThat(value.toString()).as(bundle + ": " + key).isNotBlank());
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "messages", "messages_pt", "refund", "refund_pt", "security", "security_pt", "console", "console_pt" })
	void messagesWithArgumentsAreValidMessageFormats(String bundle) {
		MessageBundles.load(bundle).forEach((key, value) -> {
			String text = value.toString();
			if (text.matches("(?s).*\\{\\d.*")) {
				// with arguments an apostrophe must be doubled, or MessageFormat swallows text
				assertThat(text.replace("''", "")).as(bundle + ": " + key + " has a single quote").doesNotContain("'");
				assertThat(new MessageFormat(text).format(new Object[] { "A", "B", "C" })).as(key.toString()).doesNotContain("{");
			}
		});
	}

	@Test
	void everyKeyATemplateNamesExists() throws IOException {
		Properties all = new Properties();
		for (String bundle : List.of("messages", "refund", "security", "console")) {
			all.putAll(MessageBundles.load(bundle));
		}
		List<String> missing = new ArrayList<>();
		for (Path template : templates()) {
			Matcher m = MESSAGE_KEY.matcher(Files.readString(template));
			while (m.find()) {
				if (!all.containsKey(m.group(1))) {
					missing.add(name(template) + ": " + m.group(1));
				}
			}
		}
		// keys built at run time from values
		for (String key : List.of("transaction.type.charge", "transaction.type.refund", "transaction.type.refund_dashboard",
				"transaction.method.ALP", "transaction.method.WXP")) {
			if (!all.containsKey(key)) {
				missing.add("(dynamic) " + key);
			}
		}
		assertThat(missing).as("message keys used but not defined").isEmpty();
	}

	@Test
	void templatesHaveNoHardCodedText() throws IOException, ParseException {
		List<String> found = new ArrayList<>();
		DOMMarkupParser parser = new DOMMarkupParser(ParseConfiguration.htmlConfiguration());
		for (Path template : templates()) {
			try (Reader reader = Files.newBufferedReader(template, StandardCharsets.UTF_8)) {
				walk(parser.parse(name(template), reader), name(template), found);
			}
		}
		assertThat(found).as("text in templates that is not a message key (use th:text=\"#{...}\")").isEmpty();
	}

	@Test
	void theCheckFindsHardCodedTextAndAcceptsMessageKeys() throws ParseException {
		DOMMarkupParser parser = new DOMMarkupParser(ParseConfiguration.htmlConfiguration());
		List<String> found = new ArrayList<>();
		walk(parser.parse("""
				<p th:text="#{a}">sample</p><p>Hard-coded</p><button aria-label="Close">x</button>
				<a th:aria-label="#{b}" th:href="@{/}"><span th:text="#{c}">ok</span> 42 </a><input value="Go" type="submit">
				<input type="hidden" name="step" value="password">"""),
				"sample", found);
		assertThat(found.stream().map(f -> f.replaceFirst("^sample:\\d+ ", ""))).containsExactly("text \"Hard-coded\"",
				"<button aria-label=\"Close\">", "text \"x\"", "<input value=\"Go\">");
	}

	private static void walk(INestableNode node, String template, List<String> found) {
		for (INode child : node.getChildren()) {
			if (child instanceof Text text && LETTER.matcher(text.getContent()).find() && !replacesBody(node)) {
				found.add(template + ":" + text.getLine() + " text \"" + text.getContent().strip() + "\"");
			}
			if (child instanceof Element element) {
				for (Map.Entry<String, String> attribute : element.getAttributeMap().entrySet()) {
					String name = attribute.getKey().toLowerCase();
					boolean shown = LABEL_ATTRIBUTES.contains(name) || (name.equals("value")
							&& CAPTIONED_INPUTS.contains(String.valueOf(element.getAttributeValue("type")).toLowerCase()));
					if (shown && attribute.getValue() != null && LETTER.matcher(attribute.getValue()).find()) {
						found.add(template + ":" + element.getLine() + " <" + element.getElementName() + " "
								+ attribute.getKey() + "=\"" + attribute.getValue() + "\">");
					}
				}
				walk(element, template, found);
			}
		}
	}

	private static boolean replacesBody(INestableNode node) {
		return node instanceof Element element
				&& element.getAttributeMap().keySet().stream().anyMatch(BODY_REPLACING::contains);
	}

	private static List<Path> templates() throws IOException {
		try (Stream<Path> files = Files.walk(root())) {
			List<Path> templates = files.filter(p -> p.toString().endsWith(".html")).sorted().toList();
			assertThat(templates).as("templates found").isNotEmpty();
			return templates;
		}
	}

	private static Path root() {
		try {
			return Path.of(MessageBundleTest.class.getResource("/templates").toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String name(Path template) {
		return root().relativize(template).toString();
	}

}
