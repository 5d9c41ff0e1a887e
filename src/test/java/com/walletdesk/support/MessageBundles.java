package com.walletdesk.support;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/** The application's message bundles (UTF-8, in {@code messages/}) as the tests read them. */
public final class MessageBundles {

	private MessageBundles() {
	}

	/** A bundle by name, e.g. {@code refund} or {@code refund_pt}. */
	public static Properties load(String bundle) {
		String resource = "messages/" + bundle + ".properties";
		Properties properties = new Properties();
		try (var in = MessageBundles.class.getClassLoader().getResourceAsStream(resource)) {
			assertThat(in).as(resource + " exists").isNotNull();
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return properties;
	}

}
