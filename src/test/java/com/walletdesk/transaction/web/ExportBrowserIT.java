package com.walletdesk.transaction.web;

import java.time.Instant;
import java.util.List;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.Browser;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Export CSV button next to the search box, in a real browser: after a search as you type
 * it still exports exactly the rows the table shows (every page of them), on Transaction Lookup
 * and on All Transactions Search. The file is fetched by the page itself, with its session.
 */
@IntegrationTest
class ExportBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser("export-failure");

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Test
	void theButtonExportsWhatThePageShows() {
		MerchantNode group = this.data.group("export-hq", null);
		MerchantNode lisbon = this.data.store("lisbon", group.id(), "Europe/Lisbon", "EUR", "pt-PT");
		MerchantNode tokyo = this.data.store("tokyo", group.id(), "Asia/Tokyo", "JPY", "ja-JP");
		Instant at = Instant.parse("2026-08-03T10:00:00Z");
		for (int i = 0; i < 12; i++) {
			String charge = this.data.tx(lisbon).method(i % 2 == 0 ? "ALP" : "WXP").at(at.plusSeconds(600L * i)).save();
			if (i % 4 == 0) {
				this.data.tx(lisbon).refundOf(charge).amount(1_00).at(at.plusSeconds(600L * i + 60)).save();
			}
			this.data.tx(tokyo).amount(900 + i).method("WXP").at(at.plusSeconds(600L * i + 30)).save();
		}
		browser.signIn(this.port, this.data.merchantUser(group.id(), false), TestData.PASSWORD);

		browser.open(this.port, "/stores/" + lisbon.id() + "/transactions?limit=5");
		assertThat(exportedIds()).as("every page, not only the five rows shown").hasSize(15);
		browser.markPage();
		WebElement search = browser.driver().findElement(By.id("q"));
		search.sendKeys("wechat");
		browser.waitFor(d -> d.getCurrentUrl().contains("q=wechat") && browser.transactionRowIds().size() == 5);
		browser.waitFor(d -> exportHref().contains("q=wechat"));
		assertThat(browser.pageWasNotReloaded()).isTrue();
		List<String> exported = exportedIds();
		assertThat(exported).hasSize(6).startsWith(browser.transactionRowIds().toArray(String[]::new));
		browser.screenshot("export-lookup");

		search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
		browser.waitFor(d -> !exportHref().contains("q="));

		browser.open(this.port, "/transactions?from=2026-08-03&to=2026-08-04&q=refund");
		assertThat(exportHref()).startsWith("/api/v1/transactions/export?from=2026-08-03&to=2026-08-04&q=refund");
		assertThat(exportedIds()).isEqualTo(browser.transactionRowIds()).hasSize(3);

		// a refused period: no export of a query that does not stand
		browser.open(this.port, "/transactions?from=2026-08-05&to=2026-08-01");
		assertThat(browser.driver().findElements(By.cssSelector("#export a"))).isEmpty();
	}

	private static String exportHref() {
		return browser.driver().findElement(By.cssSelector("#export a[data-export]")).getDomAttribute("href");
	}

	/** The Transaction ID column of the file the button links to, fetched by the page with its session. */
	@SuppressWarnings("unchecked")
	private static List<String> exportedIds() {
		return (List<String>) ((JavascriptExecutor) browser.driver()).executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch(document.querySelector('#export a[data-export]').href, { credentials: 'same-origin' })
				  .then(r => r.text())
				  .then(t => done(t.trim().split('\\r\\n').slice(1).filter(l => l).map(l => l.split(',')[2])))
				  .catch(e => done(['failed: ' + e]));
				""");
	}

}
