package com.walletdesk.language;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.Browser;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * axe-core (the npm package, 4.14.1, kept as a test resource with its licence) on every page in
 * real Chromium, in English and in Simplified Chinese: no {@code serious} or {@code critical}
 * violation. Open states count as pages too: the calendar, the Confirm Refund dialog, the
 * User Menu. The script is injected by the test, so the page's CSP stays as it is.
 */
@IntegrationTest
class AccessibilityBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser("accessibility-failure");

	static String axe;

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@BeforeAll
	static void loadAxe() throws IOException {
		try (InputStream in = AccessibilityBrowserIT.class.getResourceAsStream("/axe-core/axe.min.js")) {
			assertThat(in).as("axe-core on the test class path").isNotNull();
			axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
	}

	@Test
	void everyPageInEnglishAndChineseHasNoSeriousOrCriticalViolation() {
		MerchantNode group = this.data.group("a11y", null);
		MerchantNode store = this.data.eurStore(group.id());
		String charge = this.data.tx(store).amount(120_00).save();
		this.data.tx(store).refundOf(charge).amount(20_00).save();
		String merchant = this.data.merchantUser(group.id(), true);
		String operator = this.data.operator();
		long merchantId = this.data.accountId(merchant);
		List<String> found = new ArrayList<>();

		for (String language : List.of("en", "zh-CN")) {
			browser.driver().manage().deleteAllCookies();
			check("/login", language, found);
			check("/help", language, found);

			browser.signIn(this.port, merchant, TestData.PASSWORD);
			for (String page : List.of("/", "/merchants/" + group.id(), "/stores/" + store.id(), "/transactions",
					"/transactions/" + charge + "/refund", "/transactions/" + charge + "/refunds", "/help",
					"/account/password", "/stores/999999999999", "/admin/merchants", "/stores/" + store.id() + "/payment-links",
					"/stores/" + store.id() + "/payment-links/new", "/views",
					"/views/new?store=" + store.id() + "&from=2026-01-01&to=2026-01-07&q=wechat")) {
				check(page, language, found);
			}
			String lookup = "/stores/" + store.id() + "/transactions";
			check(lookup, language, found);
			// the calendar open
			browser.driver().findElement(By.cssSelector("[data-range-toggle]")).click();
			browser.waitFor(d -> d.findElement(By.id("calendar")).isDisplayed());
			analyse(lookup + " (calendar)", language, found);
			// the Confirm Refund dialog open
			check(lookup, language, found);
			browser.driver().findElement(By.cssSelector("#transactions button[data-opener]")).click();
			browser.waitFor(d -> d.findElements(By.cssSelector("dialog[open]")).size() == 1);
			analyse(lookup + " (refund dialog)", language, found);
			// the User Menu open
			check("/", language, found);
			browser.driver().findElement(By.cssSelector(".user-menu summary")).click();
			analyse("/ (user menu)", language, found);

			browser.driver().manage().deleteAllCookies();
			browser.signIn(this.port, operator, TestData.PASSWORD);
			for (String page : List.of("/admin/merchants", "/admin/merchants/" + store.id() + "/edit",
					"/admin/merchants/" + store.id() + "/license", "/admin/users", "/admin/users/new",
					"/admin/users/" + merchantId, "/admin/api-keys", "/admin/import", "/admin/audit", "/admin/refunds",
					"/admin/stores/" + store.id() + "/wallets", "/admin/sandbox")) {
				check(page, language, found);
			}
		}
		assertThat(found).as("serious or critical axe-core violations").isEmpty();
	}

	private void check(String path, String language, List<String> found) {
		browser.open(this.port, path + (path.contains("?") ? "&" : "?") + "lang=" + language);
		assertThat(browser.script("return document.documentElement.lang")).as(path).isEqualTo(language);
		analyse(path, language, found);
	}

	/** Runs axe-core on the page as it is now; adds "page [lang] rule (impact): targets" per violation. */
	@SuppressWarnings("unchecked")
	private void analyse(String name, String language, List<String> found) {
		browser.driver().manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
		JavascriptExecutor js = (JavascriptExecutor) browser.driver();
		if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
			js.executeScript(axe);
		}
		List<String> violations = (List<String>) js.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				axe.run(document, { resultTypes: ['violations'] }).then(result => done(result.violations
				  .filter(v => v.impact === 'serious' || v.impact === 'critical')
				  .map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '))))
				  .catch(e => done(['axe failed: ' + e]));""");
		violations.forEach(v -> found.add(name + " [" + language + "] " + v));
		browser.screenshot("axe-" + (language + name).replaceAll("[^A-Za-z0-9-]+", "_"));
	}

}
