package com.walletdesk.web;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The problem JSON's {@code title} and {@code detail} in the language of the request's
 * {@code Accept-Language} (API.md "Languages"); the {@code code} never changes. English, or a
 * code without a sentence in the bundles, keeps the detail as the code's author wrote it (it
 * may name the figures involved). Problem responses are also written by filters, before any
 * controller, so the message source is reachable statically once the application started.
 */
@Component
public final class ProblemText {

	private static volatile MessageSource messages;

	/**
	 * Where a code's sentence is looked for, in this order: the API's own first (where the
	 * pages say something else, e.g. the date format), then the pages' refusals.
	 */
	private static final String[] DETAIL_KEYS = { "problem.detail.", "error.", "refund.error." };

	ProblemText(MessageSource messageSource) {
		messages = messageSource;
	}

	/** The title and detail for the current request's language. */
	public static Text of(HttpStatus status, String code, String detail) {
		MessageSource source = messages;
		Locale locale = requestLanguage();
		if (source == null || locale == null || locale.equals(Languages.ENGLISH)) {
			return new Text(status.getReasonPhrase(), detail);
		}
		String title = source.getMessage("problem.title." + status.value(), null, status.getReasonPhrase(), locale);
		return new Text(title, translated(source, code, locale).orElse(detail));
	}

	private static Optional<String> translated(MessageSource source, String code, Locale locale) {
		if (code == null) {
			return Optional.empty();
		}
		for (String prefix : DETAIL_KEYS) {
			String text = source.getMessage(prefix + code, null, null, locale);
			// a sentence waiting for arguments cannot be said without them: keep the detail
			if (text != null && !text.contains("{")) {
				return Optional.of(text);
			}
		}
		return Optional.empty();
	}

	private static Locale requestLanguage() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return null;
		}
		HttpServletRequest request = attributes.getRequest();
		return Languages.fromAcceptLanguage(request.getHeader("Accept-Language"))
			.map(Languages.Language::locale)
			.orElse(Languages.ENGLISH);
	}

	public record Text(String title, String detail) {
	}

}
