package com.walletdesk.language;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.TestMfa;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every page in every language: each renders, names its language in {@code <html lang>}, has
 * the language switcher, and holds no unresolved message ({@code ??key_xx??}, Thymeleaf's mark for a key no bundle has).
 */
@IntegrationTest
class LanguagePagesIT {

	static final List<String> LANGUAGES = List.of("en", "pt-PT", "fr", "es", "zh-CN");

	private static final Pattern HTML_LANG = Pattern.compile("<html[^>]*\\blang=\"([^\"]*)\"");

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Test
	void everyPageRendersInEveryLanguageWithEveryKeyResolved() {
		MerchantNode group = this.data.group("languages", null);
		MerchantNode store = this.data.eurStore(group.id());
		String charge = this.data.tx(store).amount(120_00).save();
		this.data.tx(store).refundOf(charge).amount(20_00).save();
		String merchant = this.data.merchantUser(group.id(), true);
		String operator = this.data.operator();
		long merchantId = this.data.accountId(merchant);

		Map<String, Integer> anonymousPages = new LinkedHashMap<>();
		anonymousPages.put("/login", 200);
		anonymousPages.put("/help", 200);
		anonymousPages.put("/login?error", 200);
		// Pay By Link: an open link and a cancelled one, for the store's pages and the payer's
		WebSession linkMaker = WebSession.signIn(this.port, operator, TestData.PASSWORD);
		String links = "/api/v1/stores/" + store.id() + "/payment-links";
		var open = linkMaker.post(links, "{\"amount\":\"25.00\",\"reference\":\"" + TestData.unique("LANG")
				+ "\",\"description\":\"Dinner\"}").json();
		var cancelled = linkMaker.post(links, "{\"amount\":\"5.00\",\"reference\":\"" + TestData.unique("LANG") + "\"}")
			.json();
		linkMaker.post(links + "/" + cancelled.path("id").asString() + "/cancel", null);
		anonymousPages.put(payPath(open.path("url").asString()), 200);
		anonymousPages.put(payPath(cancelled.path("url").asString()), 410);

		Map<String, Integer> merchantPages = new LinkedHashMap<>();
		merchantPages.put("/", 200);
		merchantPages.put("/merchants/" + group.id(), 200);
		merchantPages.put("/stores/" + store.id(), 200);
		merchantPages.put("/stores/" + store.id() + "/transactions", 200);
		merchantPages.put("/stores/" + store.id() + "/transactions?from=2000-01-01&to=2000-01-02", 200);
		merchantPages.put("/stores/" + store.id() + "/transactions?from=not-a-date", 400);
		merchantPages.put("/transactions", 200);
		merchantPages.put("/transactions/" + charge + "/refund", 200);
		merchantPages.put("/transactions/" + charge + "/refunds", 200);
		merchantPages.put("/help", 200);
		merchantPages.put("/views", 200);
		merchantPages.put("/views/new?store=" + store.id() + "&from=2026-01-01&to=2026-01-07&q=wechat", 200);
		merchantPages.put("/views/999999999", 404);
		merchantPages.put("/account/password", 200);
		merchantPages.put("/stores/999999999999", 404);
		merchantPages.put("/admin/merchants", 403);
		merchantPages.put("/stores/" + store.id() + "/payment-links", 200);
		merchantPages.put("/stores/" + store.id() + "/payment-links?status=expired", 200);
		merchantPages.put("/stores/" + store.id() + "/payment-links/new", 200);
		merchantPages.put("/stores/" + store.id() + "/payment-links/" + open.path("id").asString(), 200);
		merchantPages.put("/stores/" + store.id() + "/payment-links/" + open.path("id").asString() + "/cancel", 200);
		merchantPages.put("/stores/" + store.id() + "/payment-links/" + cancelled.path("id").asString() + "/cancel", 200);

		Map<String, Integer> operatorPages = new LinkedHashMap<>();
		operatorPages.put("/admin/merchants", 200);
		operatorPages.put("/admin/merchants?q=zzz-nothing", 200);
		operatorPages.put("/admin/merchants/" + store.id() + "/edit", 200);
		operatorPages.put("/admin/merchants/" + store.id() + "/license", 200);
		operatorPages.put("/admin/users", 200);
		operatorPages.put("/admin/users/new", 200);
		operatorPages.put("/admin/users/" + merchantId, 200);
		operatorPages.put("/admin/api-keys", 200);
		operatorPages.put("/admin/import", 200);
		operatorPages.put("/admin/audit", 200);
		operatorPages.put("/admin/refunds", 200);
		operatorPages.put("/admin/stores/" + store.id() + "/wallets", 200);
		operatorPages.put("/admin/sandbox", 200);

		List<String> problems = new ArrayList<>();
		for (String language : LANGUAGES) {
			check(WebSession.anonymous(this.port), anonymousPages, language, problems);
			WebSession merchantSession = WebSession.signIn(this.port, merchant, TestData.PASSWORD);
			check(merchantSession, merchantPages, language, problems);
			// the Confirm Refund dialog and a charge's refunds as htmx loads them: fragments, no <html>
			for (String fragment : List.of("/transactions/" + charge + "/refund", "/transactions/" + charge + "/refunds")) {
				String body = merchantSession.getHtmx(fragment + "?lang=" + language).body();
				if (body.contains("??") || !body.contains("<dialog")) {
					problems.add(fragment + " (htmx, " + language + "): not a dialog, or an unresolved key");
				}
			}
			check(WebSession.signIn(this.port, operator, TestData.PASSWORD), operatorPages, language, problems);
			// the payer's thank-you page: the answer of the Pay form, in the language the payer chose
			WebSession payer = WebSession.anonymous(this.port);
			String url = linkMaker.post(links, "{\"amount\":\"9.99\",\"reference\":\"" + TestData.unique("LANG") + "\"}")
				.json().path("url").asString();
			payer.get(payPath(url) + "?lang=" + language);
			WebSession.Response paid = payer.form(payPath(url), Map.of("method", "ALP", "_csrf", payer.xsrfToken()));
			if (paid.status() != 200 || paid.body().contains("??") || !paid.body().contains("lang=\"" + language + "\"")) {
				problems.add("POST " + payPath(url) + " (" + language + "): " + paid.status() + " or an unresolved key");
			}
		}
		assertThat(problems).as("pages with a wrong status, language or an unresolved key").isEmpty();
	}

	/** The sign-in steps' pages: set up the authenticator, its recovery codes, prove the second factor. */
	@Test
	void theSecondFactorPagesRenderInEveryLanguage() {
		MerchantNode store = this.data.eurStore(this.data.group("languages-mfa", null).id());
		List<String> problems = new ArrayList<>();
		for (String language : LANGUAGES) {
			String user = this.data.merchantUser(store.id(), true);
			WebSession session = WebSession.anonymous(this.port);
			assertThat(session.submitLogin(user, TestData.PASSWORD).header("Location")).endsWith("/account/mfa");
			page(session.get("/account/mfa?lang=" + language), "enrolment intro", language, problems);
			String secret = session.post("/api/v1/mfa/enrolment", "{}").json().path("secret").asString();
			page(session.get("/account/mfa?lang=" + language), "enrolment QR code", language, problems);
			page(session.formWithCsrf("/account/mfa/confirm", Map.of("code", TestMfa.code(secret))), "recovery codes",
					language, problems);

			WebSession again = WebSession.anonymous(this.port);
			assertThat(again.submitLogin(user, TestData.PASSWORD).header("Location")).endsWith("/account/mfa");
			page(again.get("/account/mfa?lang=" + language), "second factor", language, problems);
		}
		assertThat(problems).as("sign-in step pages with a wrong status, language or an unresolved key").isEmpty();
	}

	private static void page(WebSession.Response page, String name, String language, List<String> problems) {
		Matcher lang = HTML_LANG.matcher(page.body());
		if (page.status() != 200 || !lang.find() || !lang.group(1).equals(language) || page.body().contains("??")) {
			problems.add(name + " [" + language + "]: " + page.status() + " " + (lang.find(0) ? lang.group(1) : "no lang"));
		}
	}

	private static String payPath(String url) {
		return url.substring(url.indexOf("/pay/"));
	}

	private static void check(WebSession session, Map<String, Integer> pages, String language, List<String> problems) {
		pages.forEach((path, status) -> {
			String url = path + (path.contains("?") ? "&" : "?") + "lang=" + language;
			WebSession.Response page = session.get(url);
			String body = page.body();
			if (page.status() != status) {
				problems.add(url + ": status " + page.status() + ", expected " + status);
				return;
			}
			Matcher lang = HTML_LANG.matcher(body);
			if (!lang.find() || !lang.group(1).equals(language)) {
				problems.add(url + ": <html lang> is " + (lang.find(0) ? lang.group(1) : "missing"));
			}
			if (!body.contains("<form class=\"language-switcher\" method=\"post\" action=\"/language\"")) {
				problems.add(url + ": no language switcher");
			}
			int unresolved = body.indexOf("??");
			if (unresolved >= 0) {
				problems.add(url + ": unresolved " + body.substring(unresolved, Math.min(body.length(), unresolved + 60)));
			}
		});
	}

}
