package com.walletdesk.refund.web;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.walletdesk.support.WebSession;

/**
 * The refund page endpoints as the browser's htmx calls them (HX-Request, form posts with the
 * CSRF token), over a signed-in {@link WebSession}, and small readers of what they answer.
 */
final class RefundPages {

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	private final int port;

	private final WebSession session;

	RefundPages(int port, WebSession session) {
		this.port = port;
		this.session = session;
	}

	WebSession session() {
		return this.session;
	}

	/** The Confirm Refund dialog, as the Refund button loads it. */
	WebSession.Response dialog(String chargeId) {
		return this.session.getHtmx("/transactions/" + chargeId + "/refund");
	}

	WebSession.Response refunds(String chargeId) {
		return this.session.getHtmx("/transactions/" + chargeId + "/refunds");
	}

	/** Confirm, as the dialog's form posts it with htmx. */
	WebSession.Response confirm(String chargeId, String amount, String reason, String key) {
		Map<String, String> fields = new LinkedHashMap<>();
		if (amount != null) {
			fields.put("amount", amount);
		}
		if (reason != null) {
			fields.put("reason", reason);
		}
		if (key != null) {
			fields.put("idempotencyKey", key);
		}
		return post("/transactions/" + chargeId + "/refund", fields, true);
	}

	/** Opens the dialog and confirms it with its own key. */
	WebSession.Response refund(String chargeId, String amount, String reason) {
		return confirm(chargeId, amount, reason, key(dialog(chargeId).body()));
	}

	/** A form post with the session's cookies and CSRF token; with or without HX-Request. */
	WebSession.Response post(String path, Map<String, String> fields, boolean htmx) {
		return post(path, fields, htmx, null);
	}

	/** A page in another language (Accept-Language). */
	WebSession.Response get(String path, String language) {
		return send(request(path, language).GET());
	}

	WebSession.Response post(String path, Map<String, String> fields, boolean htmx, String language) {
		Map<String, String> all = new LinkedHashMap<>(fields);
		all.put("_csrf", this.session.xsrfToken());
		String body = all.entrySet()
			.stream()
			.map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
					+ URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
			.collect(Collectors.joining("&"));
		HttpRequest.Builder request = request(path, language)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body));
		if (htmx) {
			request.header("HX-Request", "true");
		}
		return send(request);
	}

	private HttpRequest.Builder request(String path, String language) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
			.timeout(Duration.ofSeconds(30))
			.header("Cookie", "SESSION=" + this.session.cookie("SESSION") + "; XSRF-TOKEN=" + this.session.xsrfToken());
		if (language != null) {
			request.header("Accept-Language", language);
		}
		return request;
	}

	private static WebSession.Response send(HttpRequest.Builder request) {
		try {
			return new WebSession.Response(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()));
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	// --- readers ---

	/** The dialog's idempotency key (its hidden field). */
	static String key(String html) {
		return group(html, "<input type=\"hidden\" name=\"idempotencyKey\" value=\"([^\"]*)\"");
	}

	/** The Refund Amount field's value. */
	static String amountField(String html) {
		return group(html, "<input id=\"refund-amount\"[^>]*value=\"([^\"]*)\"");
	}

	static String reasonField(String html) {
		return group(html, "<textarea id=\"refund-reason\"[^>]*>([^<]*)</textarea>");
	}

	/** A fact of the dialog by its data-fact (id, reference, dateTime, remaining). */
	static String fact(String html, String name) {
		return group(html, "<dd[^>]*data-fact=\"" + name + "\"[^>]*>([^<]*)</dd>");
	}

	/** The text of the red refusal, tags dropped and spaces collapsed. */
	static String refusal(String html) {
		return text(group(html, "(?s)<div id=\"refund-refusal\"[^>]*>(.*?)</div>"));
	}

	static String refusalCode(String html) {
		return group(html, "<div id=\"refund-refusal\"[^>]*data-code=\"([^\"]*)\"");
	}

	/** The text of the outcome banner. */
	static String banner(String html) {
		return text(group(html, "(?s)<div class=\"banner info refund-banner[^\"]*\"[^>]*>(.*)</div>"));
	}

	/** The transaction IDs that have a Refund button. */
	static List<String> refundButtons(String html) {
		return all(html, "<button[^>]*data-opener=\"refund-(\\d{12})\"");
	}

	/** The transaction IDs whose row links to its refunds. */
	static List<String> refundsLinks(String html) {
		return all(html, "<a class=\"refunds-link\"[^>]*data-opener=\"refunds-(\\d{12})\"");
	}

	/** The "Refund in store" links of All Transactions Search, by transaction ID. */
	static Map<String, String> inStoreLinks(String html) {
		Map<String, String> links = new LinkedHashMap<>();
		Matcher m = Pattern.compile("<a class=\"in-store\" href=\"([^\"]+)\"").matcher(html);
		while (m.find()) {
			String href = unescape(m.group(1));
			links.put(href.replaceAll(".*[?&]q=(\\d{12}).*", "$1"), href);
		}
		return links;
	}

	/** The cells of one transaction's row of the Lookup table. */
	static List<String> cells(String html, String transactionId) {
		int start = html.indexOf("<tr data-id=\"" + transactionId + "\"");
		if (start < 0) {
			throw new AssertionError("no row for " + transactionId);
		}
		int end = html.indexOf("</tr>", start);
		List<String> cells = new ArrayList<>();
		Matcher m = Pattern.compile("(?s)<t[hd][^>]*>(.*?)</t[hd]>").matcher(html.substring(start, end));
		while (m.find()) {
			cells.add(text(m.group(1)));
		}
		return cells;
	}

	/** The transaction IDs of the Lookup's rows, top to bottom. */
	static List<String> rowIds(String html) {
		return all(html, "<tr data-id=\"(\\d{12})\"");
	}

	/** The refunds dialog's rows: date, amount, reason, by, status, refund transaction ID. */
	static List<List<String>> refundLines(String html) {
		List<List<String>> lines = new ArrayList<>();
		Matcher row = Pattern.compile("(?s)<tr data-refund=\"[^\"]*\"[^>]*>(.*?)</tr>").matcher(html);
		while (row.find()) {
			List<String> cells = new ArrayList<>();
			Matcher cell = Pattern.compile("(?s)<td[^>]*>(.*?)</td>").matcher(row.group(1));
			while (cell.find()) {
				cells.add(text(cell.group(1)));
			}
			lines.add(cells);
		}
		return lines;
	}

	static int count(String html, String needle) {
		int count = 0;
		for (int i = html.indexOf(needle); i >= 0; i = html.indexOf(needle, i + 1)) {
			count++;
		}
		return count;
	}

	static String text(String html) {
		return html == null ? null : unescape(html.replaceAll("<[^>]+>", "")).replaceAll("\\s+", " ").strip();
	}

	private static String group(String html, String regex) {
		Matcher m = Pattern.compile(regex).matcher(html);
		return m.find() ? unescape(m.group(1)) : null;
	}

	private static List<String> all(String html, String regex) {
		List<String> found = new ArrayList<>();
		Matcher m = Pattern.compile(regex).matcher(html);
		while (m.find()) {
			found.add(m.group(1));
		}
		return found;
	}

	static String unescape(String text) {
		return text.replace("&amp;", "&").replace("&quot;", "\"").replace("&#39;", "'").replace("&lt;", "<")
			.replace("&gt;", ">").replace("&nbsp;", "\u00a0");
	}

}
