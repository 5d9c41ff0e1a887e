package com.walletdesk.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What the layout's language switcher shows ({@code ${@languageSwitcher...}} in the template, so
 * every page has it, error pages rendered by exception handlers too): the languages, the
 * current one, and the page to come back to.
 */
@Component("languageSwitcher")
public class LanguageSwitcher {

	public List<Languages.Language> languages() {
		return Languages.SUPPORTED;
	}

	public String current() {
		return Languages.of(LocaleContextHolder.getLocale()).tag();
	}

	/** This page's path and query without {@code lang} (the switcher's choice replaces it); "/" after a POST. */
	public String returnPath() {
		if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
			return "/";
		}
		HttpServletRequest request = attributes.getRequest();
		Object original = request.getAttribute(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI);
		if (!"GET".equals(request.getMethod()) || original != null) {
			return "/";
		}
		String path = ProblemResponses.path(request);
		String query = request.getQueryString();
		if (query == null || query.isEmpty()) {
			return path;
		}
		String kept = UriComponentsBuilder.newInstance().query(query).replaceQueryParam("lang").build().getQuery();
		return kept == null || kept.isEmpty() ? path : path + "?" + kept;
	}

}
