package com.walletdesk.transaction.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.Browser;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The totals and the daily chart above the Lookup and All Transactions Search tables, in a real
 * browser under the application's CSP: the chart (uPlot, from its WebJar) draws one point per day
 * of the period, the daily-figures table holds the same figures as the summary API, a live search
 * draws the new chart, and print opens the figures.
 */
@IntegrationTest
class DailyChartBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser("daily-chart-failure");

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Test
	void theChartDrawsThePeriodsDaysAndTheTableHoldsTheSameFigures() throws Exception {
		MerchantNode group = this.data.group("chart-hq", null);
		MerchantNode lisbon = this.data.store("lisbon", group.id(), "Europe/Lisbon", "EUR", "pt-PT");
		MerchantNode tokyo = this.data.store("tokyo", group.id(), "Asia/Tokyo", "JPY", "ja-JP");
		Instant at = Instant.parse("2026-08-03T10:00:00Z");
		for (int day = 0; day < 7; day++) {
			if (day == 3) {
				continue; // a day without transactions: zero on the chart, a row in the table
			}
			for (int i = 0; i <= day % 3; i++) {
				Instant when = at.plusSeconds(86_400L * day + 600L * i);
				String charge = this.data.tx(lisbon).amount(10_00 + 1_000_00L * i + day).method(i % 2 == 0 ? "ALP" : "WXP")
					.at(when).save();
				if (i == 1) {
					this.data.tx(lisbon).refundOf(charge).amount(2_50).at(when.plusSeconds(60)).save();
				}
				this.data.tx(tokyo).amount(900 + day).method("WXP").at(when.plusSeconds(30)).save();
			}
		}
		String username = this.data.merchantUser(group.id(), false);
		WebSession api = WebSession.signIn(this.port, username, TestData.PASSWORD);
		browser.signIn(this.port, username, TestData.PASSWORD);

		String query = "from=2026-08-03&to=2026-08-09";
		browser.open(this.port, "/stores/" + lisbon.id() + "/transactions?" + query);
		browser.markPage();
		browser.waitFor(d -> browser.strings("return Array.from(document.querySelectorAll('[data-daily-chart]'))"
				+ ".map(b => b.dataset.rendered || 'no');").equals(List.of("true")));
		assertThat(browser.script("return document.querySelector('[data-daily-chart]').dataset.renderedDays;"))
			.as("one point per day of the period").isEqualTo("7");
		assertThat(((Number) browser.script("return document.querySelector('[data-daily-chart] canvas').width;")).intValue())
			.isGreaterThan(200);
		assertThat(paintedPixels()).as("the canvas has lines on it").isGreaterThan(500);
		JsonNode summary = api.get("/api/v1/stores/" + lisbon.id() + "/transactions/summary?" + query).json();
		assertTableIsTheSummary(summary, 7);
		assertThat(browser.strings("return Array.from(document.querySelectorAll('#totals-by-method tbody tr'))"
				+ ".map(r => r.dataset.method + ' ' + r.dataset.currency);")).containsExactly("ALP EUR", "WXP EUR");
		assertThat(browser.text("dl.figures[data-currency='EUR'] [data-figure='charges']")).isEqualTo("12");
		shot("lookup-totals-chart");

		// search as you type: the results (totals, chart and table) come back drawn, under the CSP
		browser.driver().findElement(By.id("q")).sendKeys("wechat");
		browser.waitFor(d -> d.getCurrentUrl().contains("q=wechat")
				&& "true".equals(browser.script("return document.querySelector('[data-daily-chart]').dataset.rendered;")));
		assertThat(browser.pageWasNotReloaded()).isTrue();
		assertTableIsTheSummary(api.get("/api/v1/stores/" + lisbon.id() + "/transactions/summary?" + query + "&q=wechat").json(), 7);
		assertThat(browser.cspViolations()).isEmpty();

		// All Transactions Search: a chart per currency, the table holds both
		browser.open(this.port, "/transactions?" + query);
		browser.waitFor(d -> browser.strings("return Array.from(document.querySelectorAll('[data-daily-chart]'))"
				+ ".map(b => (b.dataset.currency + ' ' + b.dataset.renderedDays));").equals(List.of("EUR 7", "JPY 7")));
		assertTableIsTheSummary(api.get("/api/v1/transactions/summary?" + query).json(), 14);
		shot("search-totals-chart");

		// print: the figures table opens; the page reads on paper
		browser.script("window.dispatchEvent(new Event('beforeprint'));");
		((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
		assertThat(browser.script("return document.getElementById('daily-figures').open;")).isEqualTo(true);
		assertThat(browser.script("return getComputedStyle(document.querySelector('.tree-panel')).display;")).isEqualTo("none");
		shot("search-print");
		((ChromeDriver) browser.driver()).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
		browser.script("window.dispatchEvent(new Event('afterprint'));");
		assertThat(browser.script("return document.getElementById('daily-figures').open;")).isEqualTo(false);

		// the Save view link, with the keyboard: the form, then the view in the user menu
		browser.open(this.port, "/stores/" + lisbon.id() + "/transactions?" + query + "&q=alipay");
		browser.driver().findElement(By.cssSelector("a[data-save-view]")).sendKeys(org.openqa.selenium.Keys.ENTER);
		browser.waitFor(d -> d.getCurrentUrl().contains("/views/new"));
		shot("saved-view-form");
		browser.driver().findElement(By.id("name")).sendKeys("Lisbon, Alipay, early August", org.openqa.selenium.Keys.ENTER);
		browser.waitFor(d -> d.getCurrentUrl().endsWith("/views"));
		shot("saved-views");
		browser.driver().findElement(By.cssSelector(".user-menu summary")).click();
		browser.driver().findElement(By.cssSelector("a[data-saved-view]")).click();
		browser.waitFor(d -> d.getCurrentUrl().contains("/stores/" + lisbon.id() + "/transactions?from=2026-08-03&to=2026-08-09&q=alipay"));
		assertThat(browser.value("q")).isEqualTo("alipay");
	}

	/** Each row of the daily-figures table is the API's day: same date, currency and amounts (digits). */
	private static void assertTableIsTheSummary(JsonNode summary, int rows) {
		List<String> expected = new ArrayList<>();
		summary.path("daily").forEach(d -> expected.add(d.path("date").asString() + " " + d.path("currency").asString() + " "
				+ digits(d.path("charges").asString()) + " " + digits(d.path("refunds").asString()) + " "
				+ digits(d.path("net").asString())));
		List<String> shown = browser.strings("return Array.from(document.querySelectorAll('#daily-table tbody tr')).map(r =>"
				+ " Array.from(r.cells).map((c, i) => i < 2 ? c.textContent.trim() : c.textContent.replace(/[^0-9-]/g, '')"
				+ ".replace(/^(-?)0+(?=\\d)/, '$1')).join(' '));");
		assertThat(shown).hasSize(rows).isEqualTo(expected);
		// the chart's own figures are the API's too
		List<String> charted = browser.strings("return Array.from(document.querySelectorAll('[data-daily-chart]')).map(b =>"
				+ " b.dataset.currency + ' ' + b.dataset.charges + ' ' + b.dataset.refunds);");
		List<String> fromApi = new ArrayList<>();
		summary.path("totals").forEach(t -> {
			String currency = t.path("currency").asString();
			List<String> charges = new ArrayList<>();
			List<String> refunds = new ArrayList<>();
			summary.path("daily").forEach(d -> {
				if (d.path("currency").asString().equals(currency)) {
					charges.add(d.path("charges").asString());
					refunds.add(d.path("refunds").asString());
				}
			});
			fromApi.add(currency + " " + String.join(",", charges) + " " + String.join(",", refunds));
		});
		assertThat(charted).isEqualTo(fromApi);
	}

	private static String digits(String amount) {
		return amount.replaceAll("[^0-9-]", "").replaceFirst("^(-?)0+(?=\\d)", "$1");
	}

	private static long paintedPixels() {
		return ((Number) browser.script("""
				const c = document.querySelector('[data-daily-chart] canvas');
				const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
				let n = 0;
				for (let i = 3; i < d.length; i += 4) { if (d[i] > 0) { n++; } }
				return n;""")).longValue();
	}

	/** A screenshot of the whole page (the window made as tall as the page for it). */
	private static void shot(String name) throws Exception {
		org.openqa.selenium.Dimension size = browser.driver().manage().window().getSize();
		long height = ((Number) browser.script("return document.documentElement.scrollHeight;")).longValue();
		browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(size.getWidth(), (int) Math.min(height + 140, 4000)));
		browser.screenshot(name);
		browser.driver().manage().window().setSize(size);
	}

}
