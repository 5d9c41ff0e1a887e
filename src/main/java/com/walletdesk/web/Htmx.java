package com.walletdesk.web;

import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The few htmx request headers the pages look at. A live part of a page (search as you type,
 * paging) asks with {@code HX-Request} and gets only its fragment at the same URL as the full
 * page, so every state is also a plain, bookmarkable link. A history restore (back button with
 * no local cache, which we never keep: transaction data stays out of localStorage) needs the
 * whole page even though it, too, says {@code HX-Request}.
 */
public final class Htmx {

	private Htmx() {
	}

	/**
	 * The one way a page answers at its URL: the fragment alone for htmx, else the whole page
	 * ({@code page} names its view, after adding what only the whole page needs to the model).
	 * Either way the answer varies on {@code HX-Request}, for caches.
	 */
	public static String pageOrFragment(HttpServletRequest request, HttpServletResponse response, String fragment,
			Supplier<String> page) {
		varyOnRequestHeader(response);
		return wantsFragment(request) ? fragment : page.get();
	}

	/** True when the answer should be the fragment alone. */
	public static boolean wantsFragment(HttpServletRequest request) {
		return "true".equals(request.getHeader("HX-Request"))
				&& !"true".equals(request.getHeader("HX-History-Restore-Request"));
	}

	/**
	 * Tells caches that the same URL answers a fragment or a page depending on HX-Request, so a
	 * back button never shows a bare fragment from the browser cache.
	 */
	public static void varyOnRequestHeader(HttpServletResponse response) {
		response.addHeader("Vary", "HX-Request");
	}

}
