package com.walletdesk.web;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.walletdesk.support.MessageBundles;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every bundle in {@code messages/} speaks every language of API.md ("Languages") with exactly
 * the keys of its English file: a key missing from a language, or one that only a language
 * has, fails. The files are found on disk, so a new bundle without its languages fails too.
 */
class BundleLanguagesTest {

	/** The file suffix of each supported language besides English (the base file). */
	static final List<String> LANGUAGES = List.of("pt", "fr", "es", "zh_CN");

	private static final Pattern FILE = Pattern.compile("([a-z]+)(?:_([a-z]{2}(?:_[A-Z]{2})?))?\\.properties");

	@Test
	void everyBundleHasEveryLanguageWithTheSameKeys() throws IOException {
		Map<String, Set<String>> bundles = bundlesOnDisk();
		assertThat(bundles).as("bundles found").containsKeys("messages", "refund", "security", "console");
		List<String> problems = new ArrayList<>();
		bundles.forEach((bundle, languages) -> {
			assertThat(languages).as(bundle + ": the English base file").contains("");
			for (String language : LANGUAGES) {
				if (!languages.contains(language)) {
					problems.add(bundle + "_" + language + ".properties is missing");
				}
			}
			for (String language : languages) {
				if (!language.isEmpty() && !LANGUAGES.contains(language)) {
					problems.add(bundle + "_" + language + ".properties is not a supported language");
				}
			}
			Properties english = MessageBundles.load(bundle);
			for (String language : LANGUAGES) {
				if (languages.contains(language)) {
					problems.addAll(differences(bundle + "_" + language, english, MessageBundles.load(bundle + "_" + language)));
				}
			}
		});
		assertThat(problems).as("bundles whose languages differ").isEmpty();
	}

	@Test
	void everyMessageIsSaidAndArgumentsAreValidMessageFormats() throws IOException {
		List<String> problems = new ArrayList<>();
		for (String bundle : bundlesOnDisk().keySet()) {
			for (String language : LANGUAGES) {
				String name = bundle + "_" + language;
				MessageBundles.load(name).forEach((key, value) -> {
					String text = value.toString();
					if (text.isBlank()) {
						problems.add(name + ": " + key + " is blank");
					}
					if (text.matches("(?s).*\\{\\d.*")) {
						// with arguments an apostrophe must be doubled, or MessageFormat swallows text
						if (text.replace("''", "").contains("'")) {
							problems.add(name + ": " + key + " has a single quote");
						}
						if (new MessageFormat(text).format(new Object[] { "A", "B", "C" }).contains("{")) {
							problems.add(name + ": " + key + " is not a valid message format");
						}
					}
				});
			}
		}
		assertThat(problems).isEmpty();
	}

	/** The check itself: it names a key a language lacks and a key only the language has. */
	@Test
	void theComparisonFindsMissingAndExtraKeys() {
		Properties english = new Properties();
		english.setProperty("a", "A");
		english.setProperty("b", "B");
		Properties french = new Properties();
		french.setProperty("a", "A");
		french.setProperty("c", "C");
		assertThat(differences("x_fr", english, french)).containsExactly("x_fr: missing key b", "x_fr: extra key c");
		french.setProperty("b", "B");
		french.remove("c");
		assertThat(differences("x_fr", english, french)).isEmpty();
	}

	static List<String> differences(String name, Properties english, Properties language) {
		List<String> found = new ArrayList<>();
		Set<String> expected = new TreeSet<>(english.stringPropertyNames());
		Set<String> actual = new TreeSet<>(language.stringPropertyNames());
		expected.stream().filter(key -> !actual.contains(key)).forEach(key -> found.add(name + ": missing key " + key));
		actual.stream().filter(key -> !expected.contains(key)).forEach(key -> found.add(name + ": extra key " + key));
		return found;
	}

	/** Bundle name -> the language suffixes found ("" for the English base file). */
	private static Map<String, Set<String>> bundlesOnDisk() throws IOException {
		Map<String, Set<String>> bundles = new TreeMap<>();
		try (Stream<Path> files = Files.list(folder())) {
			for (Path file : files.toList()) {
				Matcher m = FILE.matcher(file.getFileName().toString());
				assertThat(m.matches()).as("a bundle file name: " + file.getFileName()).isTrue();
				bundles.computeIfAbsent(m.group(1), b -> new TreeSet<>()).add(m.group(2) == null ? "" : m.group(2));
			}
		}
		return bundles;
	}

	private static Path folder() {
		try {
			return Path.of(BundleLanguagesTest.class.getResource("/messages").toURI());
		}
		catch (URISyntaxException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
