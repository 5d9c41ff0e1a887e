package com.walletdesk.transaction.web;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService;
import com.walletdesk.support.Browser;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transaction Lookup as issue 15 saw it in headless Chromium: at 1366x900 the money and the
 * Refund button must be on screen without scrolling sideways, every column must stay one
 * switch away, the pager must say which rows these are and let the page size be chosen, the
 * calendar's days of the next month must be readable on the range colour (WCAG AA), and at
 * 390x844 nothing may overlap. Screenshots: target/screenshots/layout-*.png.
 */
@IntegrationTest
class LookupLayoutBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser("layout-failure");

	/** Relative luminance and contrast ratio (WCAG 2.x) of a text colour on its painted background. */
	private static final String CONTRAST = """
			const rgb = s => s.match(/[\\d.]+/g).map(Number);
			const lum = c => { const [r, g, b] = c.slice(0, 3).map(v => { v /= 255;
			  return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); });
			  return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
			const background = el => { for (let e = el; e; e = e.parentElement) { const c = rgb(getComputedStyle(e).backgroundColor);
			  if (c.length < 4 || c[3] > 0) { return c; } } return [255, 255, 255]; };
			return Array.from(document.querySelectorAll(arguments[0])).map(el => {
			  const a = lum(rgb(getComputedStyle(el).color)), b = lum(background(el));
			  return el.dataset.date + ' ' + el.className + ' ' + ((Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05)).toFixed(2); });
			""";

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	MerchantService merchants;

	@Test
	void moneyAndTheRefundButtonFitA1366ScreenAndEveryColumnStaysAvailable() {
		MerchantNode store = shop();
		browser.signIn(this.port, this.data.merchantUser(store.id(), true), TestData.PASSWORD);
		browser.driver().manage().window().setSize(new Dimension(1366, 900));
		browser.open(this.port, "/stores/" + store.id() + "/transactions");
		assertThat((Long) browser.script("return window.innerWidth;")).isBetween(1350L, 1366L);
		browser.screenshot("layout-lookup-1366");

		Map<String, Object> charge = rects("#transactions button[data-opener^='refund-']",
				"#transactions tr.charge td[data-col='remaining']", "#transactions tr.charge td[data-col='total']");
		long width = (Long) browser.script("return document.documentElement.clientWidth;");
		for (Map.Entry<String, Object> rect : charge.entrySet()) {
			assertThat(((Number) rect.getValue()).doubleValue()).as(rect.getKey() + " right edge within " + width + " px")
				.isLessThanOrEqualTo(width);
		}
		assertThat(browser.script("return document.querySelector('.table-wrap').scrollLeft;")).isEqualTo(0L);
		assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth;")).isEqualTo(true);
		assertThat(visibleHeaders()).startsWith("Transaction ID", "Date/Time", "Total", "Refund", "Remaining")
			.doesNotContain("Location", "Store Name", "Terminal ID");
		assertThat(browser.text("[data-store-facts]")).contains("Store Name: " + store.name());

		// every column, by keyboard; the switch outlives a live search
		browser.driver().findElement(By.id("all-columns")).sendKeys(Keys.SPACE);
		assertThat(visibleHeaders()).containsExactlyElementsOf(TransactionPagesIT.COLUMNS);
		browser.screenshot("layout-lookup-all-columns");
		browser.driver().findElement(By.id("q")).sendKeys("alipay");
		browser.waitFor(d -> d.getCurrentUrl().contains("q=alipay"));
		browser.waitFor(d -> visibleHeaders().size() == TransactionPagesIT.COLUMNS.size());
		browser.driver().findElement(By.id("all-columns")).sendKeys(Keys.SPACE);
		assertThat(visibleHeaders()).doesNotContain("Location");

		// the pager: the range, and the page size kept in its links
		browser.open(this.port, "/stores/" + store.id() + "/transactions");
		assertThat(browser.text("[data-pager='range']")).isEqualTo("Rows 1\u201330 of 30");
		new Select(browser.driver().findElement(By.id("limit"))).selectByValue("25");
		browser.waitFor(d -> d.getCurrentUrl().contains("limit=25") && browser.transactionRowIds().size() == 25);
		assertThat(browser.text("[data-pager='range']")).isEqualTo("Rows 1\u201325 of 30");
		browser.driver().findElement(By.cssSelector(".pager a[rel='next']")).click();
		browser.waitFor(d -> d.getCurrentUrl().contains("first=26"));
		browser.waitFor(d -> "Rows 26\u201330 of 30".equals(browser.text("[data-pager='range']")));
		assertThat(browser.driver().findElement(By.id("limit")).getDomProperty("value")).isEqualTo("25");
		browser.screenshot("layout-pager");

		// the account's own pages in the user menu
		browser.driver().findElement(By.cssSelector(".user-menu summary")).click();
		assertThat(browser.strings("return Array.from(document.querySelectorAll('.user-menu a')).map(a => a.textContent.trim());"))
			.contains("Change password", "Second factor", "Recovery codes");
		browser.screenshot("layout-user-menu");
	}

	@Test
	void theCalendarsNextMonthDaysInTheRangeAreReadable() {
		MerchantNode store = shop();
		browser.signIn(this.port, this.data.merchantUser(store.id(), false), TestData.PASSWORD);
		browser.driver().manage().window().setSize(new Dimension(1366, 900));
		browser.open(this.port, "/stores/" + store.id() + "/transactions?from=2026-09-24&to=2026-10-03");
		browser.driver().findElement(By.cssSelector("[data-range-toggle]")).click();
		browser.waitFor(d -> d.findElement(By.id("calendar")).isDisplayed());
		browser.screenshot("layout-calendar");

		List<String> inRange = browser.strings(CONTRAST, "#calendar button.other-month.in-range");
		assertThat(inRange).as("next month's days inside the range are shown").isNotEmpty();
		List<String> all = browser.strings(CONTRAST, "#calendar button.other-month");
		for (String day : all) {
			assertThat(Double.parseDouble(day.substring(day.lastIndexOf(' ') + 1))).as(day).isGreaterThanOrEqualTo(4.5);
		}
	}

	@Test
	void aPhoneSizedScreenHasNothingOverlapping() {
		MerchantNode store = shop();
		browser.signIn(this.port, this.data.merchantUser(store.id(), true), TestData.PASSWORD);
		browser.driver().manage().window().setSize(new Dimension(390, 844));
		browser.open(this.port, "/stores/" + store.id() + "/transactions");
		browser.screenshot("layout-lookup-390");
		// the header's parts side by side or one under the other, never on top of each other nor off screen
		assertThat(browser.strings("""
				const parts = ['.brand', '.language-switcher', '.user-menu summary']
				  .map(s => [s, document.querySelector(s).getBoundingClientRect()]);
				const problems = [];
				parts.forEach(([s, r], i) => {
				  if (r.left < 0 || r.right > document.documentElement.clientWidth) { problems.push(s + ' off screen'); }
				  parts.slice(i + 1).forEach(([t, q]) => {
				    if (r.left < q.right && q.left < r.right && r.top < q.bottom && q.top < r.bottom) { problems.push(s + ' on ' + t); }
				  });
				});
				return problems;
				""")).isEmpty();
		// the page itself does not scroll sideways (the table does, inside its frame)
		assertThat(browser.script("return document.documentElement.scrollWidth <= window.innerWidth;")).isEqualTo(true);
		// the filters, the tools line and the table follow each other without overlapping
		assertThat(browser.script("""
				const boxes = ['#filters', '.table-tools', '#results .summary', '.table-wrap']
				  .map(s => document.querySelector(s).getBoundingClientRect());
				return boxes.every((b, i) => i === 0 || b.top >= boxes[i - 1].bottom - 0.5);
				""")).isEqualTo(true);
		browser.open(this.port, "/stores/" + store.id());
		browser.screenshot("layout-store-390");
		browser.driver().manage().window().setSize(new Dimension(1366, 900));
		browser.open(this.port, "/stores/" + store.id());
		browser.screenshot("layout-store-1366");
	}

	private static List<String> visibleHeaders() {
		return browser.strings("return Array.from(document.querySelectorAll('#transactions thead th'))"
				+ ".filter(th => th.offsetParent !== null).map(th => th.textContent.trim());");
	}

	/** The right edge of the first element each selector finds (fails when one finds nothing). */
	private static Map<String, Object> rects(String... selectors) {
		java.util.LinkedHashMap<String, Object> rights = new java.util.LinkedHashMap<>();
		for (String selector : selectors) {
			Object right = browser.script("const e = document.querySelector(arguments[0]);"
					+ " return e ? e.getBoundingClientRect().right : null;", selector);
			assertThat(right).as(selector).isNotNull();
			rights.put(selector, right);
		}
		return rights;
	}

	/** A store with long names and a month of varied transactions (Pay By Link, tips, a refund). */
	private MerchantNode shop() {
		MerchantNode group = this.merchants.create(new MerchantService.NewMerchant("GROUP",
				TestData.unique("Atlântico Retail Group"), null, "Lisboa", null, null, null));
		MerchantNode store = this.merchants.create(new MerchantService.NewMerchant("STORE",
				TestData.unique("Lisboa Baixa Chiado Flagship"), group.id(), "Rua Augusta 100, Lisboa", "Europe/Lisbon",
				"EUR", "pt-PT"));
		String first = null;
		for (int i = 0; i < 29; i++) {
			Instant at = Instant.parse("2026-09-24T09:12:31Z").plusSeconds(i * 5L * 3600 + i * 97L);
			TestData.Tx tx = this.data.tx(store).amount(1_299_00 + i * 1_37L).tip(i % 3 == 0 ? 12_50 : 0).at(at)
				.method(i % 2 == 0 ? "ALP" : "WXP");
			if (i % 3 == 1) {
				tx.payByLink("PBL-2026-INVOICE-" + (4100 + i));
			}
			String id = tx.save();
			first = first == null ? id : first;
		}
		this.data.tx(store).refundOf(first).amount(299_00).at(Instant.parse("2026-09-30T16:40:05Z")).save();
		return store;
	}

}
