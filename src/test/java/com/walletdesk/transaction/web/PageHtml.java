package com.walletdesk.transaction.web;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Small readers of rendered pages, enough to assert what a person would see. */
final class PageHtml {

	private PageHtml() {
	}

	/** The texts of the column headers of the transactions table (else the first table), in order. */
	static List<String> columnHeaders(String html) {
		int start = html.indexOf("<thead>", Math.max(0, html.indexOf("id=\"transactions\"")));
		int end = html.indexOf("</thead>", start);
		return texts(html.substring(start, end), "<th scope=\"col\"[^>]*>(.*?)</th>");
	}

	/** The transaction IDs of the table's rows, top to bottom. */
	static List<String> rowIds(String html) {
		return texts(html, "<tr data-id=\"(\\d{12})\"");
	}

	/** The cells of the row of one transaction (its th and tds), in order. */
	static List<String> cells(String html, String transactionId) {
		int start = html.indexOf("<tr data-id=\"" + transactionId + "\"");
		if (start < 0) {
			throw new AssertionError("no row for " + transactionId);
		}
		int end = html.indexOf("</tr>", start);
		return texts(html.substring(start, end), "<t[hd][^>]*>(.*?)</t[hd]>");
	}

	/** The value of a link's href by its rel (prev/next), unescaped; null when absent. */
	static String link(String html, String rel) {
		Matcher m = Pattern.compile("<a rel=\"" + rel + "\"[^>]*href=\"([^\"]+)\"").matcher(html);
		return m.find() ? unescape(m.group(1)) : null;
	}

	static String inputValue(String html, String id) {
		Matcher m = Pattern.compile("<input id=\"" + id + "\"[^>]*value=\"([^\"]*)\"").matcher(html);
		return m.find() ? unescape(m.group(1)) : null;
	}

	static String figure(String html, String name) {
		Matcher m = Pattern.compile("<dd data-figure=\"" + name + "\">([^<]*)</dd>").matcher(html);
		return m.find() ? unescape(m.group(1)) : null;
	}

	static List<String> texts(String html, String regex) {
		List<String> texts = new ArrayList<>();
		Matcher m = Pattern.compile(regex, Pattern.DOTALL).matcher(html);
		while (m.find()) {
			texts.add(unescape(m.group(1).replaceAll("<[^>]+>", "").strip()));
		}
		return texts;
	}

	static String unescape(String text) {
		return text.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
			.replace("&gt;", ">").replace("&nbsp;", "\u00a0");
	}

}
