package com.walletdesk.web;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The banner a console page shows after a POST and its redirect: the outcome in words, in the
 * language of the page ({@code fragments/console :: outcome}).
 */
@Component
public class Outcomes {

	private final MessageSource messages;

	Outcomes(MessageSource messages) {
		this.messages = messages;
	}

	public void done(RedirectAttributes redirect, String key, Object... args) {
		redirect.addFlashAttribute("done", text(key, args));
	}

	/** A refusal: the problem's own message in words when it has no key of its own. */
	public void failed(RedirectAttributes redirect, ProblemException refusal) {
		redirect.addFlashAttribute("failed", refusalText(refusal));
	}

	public String refusalText(ProblemException refusal) {
		return this.messages.getMessage("error." + refusal.code(), null, refusal.getMessage(),
				LocaleContextHolder.getLocale());
	}

	public String text(String key, Object... args) {
		return this.messages.getMessage(key, args, LocaleContextHolder.getLocale());
	}

}
