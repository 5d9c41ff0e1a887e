package com.walletdesk.account.web;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.account.language.LanguageResolver;
import com.walletdesk.account.language.SavedLanguages;
import com.walletdesk.web.Languages;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The header's language switcher (a plain form: works without scripts): keeps the choice in
 * the session, saves it on the account when one is signed in, and goes back to the page.
 */
@Controller
class LanguageController {

	static final String PATH = "/language";

	// the signed-in account, as CurrentUserFilter leaves it on the request (none on the sign-in page)
	private static final String CURRENT_USER = CurrentUser.class.getName();

	private final SavedLanguages saved;

	LanguageController(SavedLanguages saved) {
		this.saved = saved;
	}

	@PostMapping(PATH)
	String choose(@RequestParam(required = false) String lang, @RequestParam(name = "return", required = false) String back,
			HttpServletRequest request) {
		Optional<Languages.Language> language = Languages.of(lang);
		if (language.isPresent()) {
			request.getSession(true).setAttribute(LanguageResolver.SESSION_ATTRIBUTE, language.get().tag());
			if (request.getAttribute(CURRENT_USER) instanceof CurrentUser user) {
				this.saved.save(user.accountId(), language.get());
			}
		}
		return "redirect:" + sameSite(back);
	}

	/** Only a path of this site (never //host or a scheme): the form must not redirect elsewhere. */
	static String sameSite(String back) {
		if (back == null || !back.startsWith("/") || back.startsWith("//") || back.startsWith("/\\")
				|| back.length() > 2000 || back.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
			return "/";
		}
		return back;
	}

}
