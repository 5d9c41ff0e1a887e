package com.walletdesk.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.util.UriComponentsBuilder;

/** What the layout's language switcher shows: the languages, the current one, and the page to come back to. */
@ControllerAdvice
class LanguageSwitcherModel {

	@ModelAttribute("languages")
	List<Languages.Language> languages() {
		return Languages.SUPPORTED;
	}

	@ModelAttribute("language")
	Languages.Language language(Locale locale) {
		return Languages.of(locale);
	}

	/** This page's path and query without {@code lang} (the switcher's choice replaces it). */
	@ModelAttribute("languageReturn")
	String languageReturn(HttpServletRequest request) {
		if (!"GET".equals(request.getMethod())) {
			return "/";
		}
		String query = request.getQueryString();
		String path = ProblemResponses.path(request);
		if (query == null || query.isEmpty()) {
			return path;
		}
		String kept = UriComponentsBuilder.newInstance().query(query).replaceQueryParam("lang").build().getQuery();
		return kept == null || kept.isEmpty() ? path : path + "?" + kept;
	}

}
