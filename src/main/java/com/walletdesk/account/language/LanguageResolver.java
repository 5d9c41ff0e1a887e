package com.walletdesk.account.language;

import java.util.Locale;
import java.util.Optional;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.web.Languages;
import com.walletdesk.web.ProblemResponses;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.DispatcherServlet;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The language of a page, in the order of API.md: {@code ?lang=} (then kept in the session),
 * the account's saved choice, {@code Accept-Language}, English. The API answers in
 * {@code Accept-Language} only: a script's language is its header, not a browser session.
 */
@Component(DispatcherServlet.LOCALE_RESOLVER_BEAN_NAME)
public class LanguageResolver implements LocaleResolver {

	/** The session attribute holding the tag chosen with {@code ?lang=} or the switcher. */
	public static final String SESSION_ATTRIBUTE = LanguageResolver.class.getName() + ".language";

	// resolveLocale is asked many times per request (each message, each #locale): answer once
	private static final String RESOLVED = LanguageResolver.class.getName() + ".resolved";

	// the signed-in account, as CurrentUserFilter leaves it on the request
	private static final String CURRENT_USER = CurrentUser.class.getName();

	private final SavedLanguages saved;

	LanguageResolver(SavedLanguages saved) {
		this.saved = saved;
	}

	@Override
	public Locale resolveLocale(HttpServletRequest request) {
		if (request.getAttribute(RESOLVED) instanceof Locale locale) {
			return locale;
		}
		Locale locale = resolve(request).locale();
		request.setAttribute(RESOLVED, locale);
		return locale;
	}

	private Languages.Language resolve(HttpServletRequest request) {
		Optional<Languages.Language> header = Languages.fromAcceptLanguage(request.getHeader("Accept-Language"));
		if (ProblemResponses.isApi(request)) {
			return header.orElse(Languages.SUPPORTED.get(0));
		}
		Optional<Languages.Language> asked = Languages.of(langInAddress(request));
		if (asked.isPresent()) {
			request.getSession(true).setAttribute(SESSION_ATTRIBUTE, asked.get().tag());
			return asked.get();
		}
		HttpSession session = request.getSession(false);
		if (session != null && session.getAttribute(SESSION_ATTRIBUTE) instanceof String tag) {
			Optional<Languages.Language> kept = Languages.of(tag);
			if (kept.isPresent()) {
				return kept.get();
			}
		}
		if (request.getAttribute(CURRENT_USER) instanceof CurrentUser user) {
			Optional<Languages.Language> chosen = this.saved.of(user.accountId());
			if (chosen.isPresent()) {
				return chosen.get();
			}
		}
		return header.orElse(Languages.SUPPORTED.get(0));
	}

	/**
	 * {@code lang} from the query string of a GET only: a form field of that name (a POST body,
	 * read again when an error page is rendered for that POST) is not a choice of language.
	 */
	private static String langInAddress(HttpServletRequest request) {
		String query = request.getQueryString();
		if (!"GET".equals(request.getMethod()) || request.getDispatcherType() != DispatcherType.REQUEST || query == null
				|| !query.contains("lang=")) {
			return null;
		}
		return UriComponentsBuilder.newInstance().query(query).build().getQueryParams().getFirst("lang");
	}

	@Override
	public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
		Languages.Language language = Languages.of(locale);
		request.getSession(true).setAttribute(SESSION_ATTRIBUTE, language.tag());
		request.setAttribute(RESOLVED, language.locale());
	}

}
