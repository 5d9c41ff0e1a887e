package com.walletdesk.language;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The language of a page, in API.md's order: {@code ?lang=} (kept in the session), the
 * account's saved choice (the header's switcher), {@code Accept-Language}, English.
 */
@IntegrationTest
class LanguageResolutionIT {

	private static final Pattern HTML_LANG = Pattern.compile("<html[^>]*\\blang=\"([^\"]*)\"");

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	static String lang(WebSession.Response page) {
		Matcher m = HTML_LANG.matcher(page.body());
		assertThat(m.find()).as("<html lang> of " + page).isTrue();
		return m.group(1);
	}

	@Test
	void withNothingChosenTheBrowsersFirstSupportedLanguageElseEnglish() {
		assertThat(lang(WebSession.anonymous(this.port).get("/login"))).isEqualTo("en");
		assertThat(lang(WebSession.anonymous(this.port).header("Accept-Language", "fr-CA,fr;q=0.9,en;q=0.5").get("/login")))
			.isEqualTo("fr");
		assertThat(lang(WebSession.anonymous(this.port).header("Accept-Language", "de-DE, es;q=0.7, fr;q=0.3").get("/login")))
			.as("by preference, skipping what is not supported")
			.isEqualTo("es");
		assertThat(lang(WebSession.anonymous(this.port).header("Accept-Language", "pt-BR").get("/login")))
			.as("any Portuguese is European Portuguese")
			.isEqualTo("pt-PT");
		assertThat(lang(WebSession.anonymous(this.port).header("Accept-Language", "zh").get("/login"))).isEqualTo("zh-CN");
		assertThat(lang(WebSession.anonymous(this.port).header("Accept-Language", "zh-TW, ja").get("/login")))
			.as("traditional Chinese and Japanese are not offered: English")
			.isEqualTo("en");
		assertThat(lang(WebSession.anonymous(this.port).header("Accept-Language", ";;;=q,").get("/login")))
			.as("a malformed header counts as none")
			.isEqualTo("en");
		WebSession.Response french = WebSession.anonymous(this.port).header("Accept-Language", "fr").get("/login");
		assertThat(french.body()).contains("Se connecter à Walletdesk").doesNotContain("Sign in to Walletdesk");
	}

	@Test
	void langInTheAddressWinsOverTheBrowserAndStaysForTheSession() {
		WebSession browser = WebSession.anonymous(this.port).header("Accept-Language", "fr");
		assertThat(lang(browser.get("/help?lang=es"))).isEqualTo("es");
		assertThat(lang(browser.get("/help"))).as("kept in the session").isEqualTo("es");
		assertThat(lang(browser.get("/login?lang=de"))).as("an unsupported ?lang= changes nothing").isEqualTo("es");
		assertThat(lang(browser.get("/login?lang=zh-CN"))).isEqualTo("zh-CN");
		assertThat(lang(WebSession.anonymous(this.port).header("Accept-Language", "fr").get("/help")))
			.as("another session is not affected")
			.isEqualTo("fr");
	}

	@Test
	void theSwitcherSavesTheChoiceOnTheAccountWhichWinsOverTheBrowserButNotOverLang() {
		MerchantNode store = this.data.eurStore(this.data.group("switcher", null).id());
		String user = this.data.merchantUser(store.id(), false);
		WebSession first = WebSession.signIn(this.port, user, TestData.PASSWORD).header("Accept-Language", "fr");
		assertThat(lang(first.get("/"))).isEqualTo("fr");
		assertThat(first.get("/").body()).as("the switcher, a plain form to /language")
			.contains("action=\"/language\"")
			.contains("name=\"return\" value=\"/\"")
			.contains("<option value=\"fr\" lang=\"fr\" selected=\"selected\">Français</option>");

		WebSession.Response switched = first.formWithCsrf("/language",
				Map.of("lang", "zh-CN", "return", "/stores/" + store.id() + "?x=1"));
		assertThat(switched.status()).isEqualTo(302);
		assertThat(switched.header("Location")).endsWith("/stores/" + store.id() + "?x=1");
		assertThat(lang(first.get("/stores/" + store.id()))).isEqualTo("zh-CN");
		assertThat(savedLanguage(user)).isEqualTo("zh-CN");

		// a new session (another browser, French): the account's choice beats Accept-Language
		WebSession second = WebSession.signIn(this.port, user, TestData.PASSWORD).header("Accept-Language", "fr");
		assertThat(lang(second.get("/"))).isEqualTo("zh-CN");
		assertThat(second.get("/").body()).contains("退出登录");
		// ?lang= beats the saved choice, for this session only, and saves nothing
		assertThat(lang(second.get("/?lang=pt-PT"))).isEqualTo("pt-PT");
		assertThat(lang(second.get("/help"))).isEqualTo("pt-PT");
		assertThat(savedLanguage(user)).isEqualTo("zh-CN");
		assertThat(lang(WebSession.signIn(this.port, user, TestData.PASSWORD).get("/"))).isEqualTo("zh-CN");
	}

	@Test
	void theSwitcherGoesBackOnlyToAPageOfThisSiteAndIgnoresAnUnsupportedLanguage() {
		WebSession browser = WebSession.anonymous(this.port);
		for (String elsewhere : new String[] { "//evil.example/x", "https://evil.example/", "/\\evil.example", "help" }) {
			WebSession.Response answer = browser.formWithCsrf("/language", Map.of("lang", "fr", "return", elsewhere));
			assertThat(answer.status()).isEqualTo(302);
			assertThat(answer.header("Location")).as(elsewhere).matches("(https?://[^/]+)?/");
		}
		assertThat(lang(browser.get("/login"))).isEqualTo("fr");
		browser.formWithCsrf("/language", Map.of("lang", "klingon", "return", "/login"));
		assertThat(lang(browser.get("/login"))).isEqualTo("fr");
		// without its CSRF field the form is refused
		assertThat(browser.form("/language", Map.of("lang", "es", "return", "/login")).status()).isEqualTo(403);
		assertThat(lang(browser.get("/login"))).isEqualTo("fr");
	}

	private String savedLanguage(String username) {
		return this.data.jdbc()
			.sql("SELECT language FROM account WHERE username = :u")
			.param("u", username)
			.query(String.class)
			.single();
	}

}
