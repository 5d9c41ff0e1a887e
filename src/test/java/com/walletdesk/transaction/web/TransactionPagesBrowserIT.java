package com.walletdesk.transaction.web;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.Browser;
import com.walletdesk.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Transaction Lookup in a real headless Chromium: sign in, search as you type without a page
 * reload, pick a period in the calendar and by keyboard, page forward and back (also with the
 * browser's back button), and open All Transactions Search from the User Menu. Screenshots of
 * each page go to target/screenshots. Runs on both databases: it is the same few seconds and
 * proves the pages on the database the queries really run on.
 */
@IntegrationTest
class TransactionPagesBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser("failure");

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	MerchantService merchants;

	@Test
	void searchesAsYouTypePicksAPeriodPagesAndOpensAllTransactionsSearch() {
		Shop shop = shop();
		browser.signIn(this.port, this.data.merchantUser(shop.group.id(), false), TestData.PASSWORD);
		browser.screenshot("home");

		browser.open(this.port, "/stores/" + shop.lisbon.id() + "/transactions");
		assertThat(browser.driver().getTitle()).startsWith("Transaction Lookup");
		assertThat(browser.transactionRowIds()).hasSize(shop.lisbonRows).as("the default period: the last week with transactions");
		assertThat(browser.value("from")).isEqualTo("2026-09-14");
		assertThat(browser.value("to")).isEqualTo("2026-09-20");
		browser.screenshot("transaction-lookup");
		browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(2560, 1000));
		browser.screenshot("transaction-lookup-wide");
		browser.driver().manage().window().setSize(new org.openqa.selenium.Dimension(1400, 900));
		assertThat(headers()).containsExactlyElementsOf(TransactionPagesIT.COLUMNS);

		// search as you type: rows narrow, the URL follows, the page is not reloaded
		browser.markPage();
		WebElement search = browser.driver().findElement(By.id("q"));
		search.sendKeys("pbl-2026");
		browser.waitFor(d -> browser.transactionRowIds().size() == shop.payByLinkRows);
		browser.waitFor(d -> d.getCurrentUrl().contains("q=pbl-2026"));
		assertThat(browser.pageWasNotReloaded()).isTrue();
		assertThat(cellTexts(11)).allMatch(reference -> reference.startsWith("PBL-2026"));
		search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
		search.sendKeys("wechat");
		browser.waitFor(d -> d.getCurrentUrl().contains("q=wechat"));
		browser.waitFor(d -> cellTexts(8).stream().allMatch("WeChat Pay"::equals) && !cellTexts(8).isEmpty());
		search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
		browser.waitFor(d -> browser.transactionRowIds().size() == shop.lisbonRows);
		assertThat(browser.pageWasNotReloaded()).isTrue();

		// the calendar: first click the start, second click the end
		browser.driver().findElement(By.cssSelector("[data-range-toggle]")).click();
		browser.waitFor(d -> d.findElement(By.id("calendar")).isDisplayed());
		browser.screenshot("calendar");
		browser.driver().findElement(By.cssSelector("#calendar [data-date='2026-09-19']")).click();
		assertThat(browser.value("from")).isEqualTo("2026-09-19");
		browser.driver().findElement(By.cssSelector("#calendar [data-date='2026-09-17']")).click();
		browser.waitFor(d -> d.getCurrentUrl().contains("from=2026-09-17") && d.getCurrentUrl().contains("to=2026-09-19"));
		browser.waitFor(d -> browser.transactionRowIds().size() == shop.rowsFrom17To19);
		assertThat(browser.driver().findElement(By.id("calendar")).isDisplayed()).isFalse();
		assertThat(browser.pageWasNotReloaded()).isTrue();

		// the same with the keyboard: the date typed in the page's pattern (ISO in English), then Tab
		WebElement from = browser.driver().findElement(By.id("from"));
		from.sendKeys(Keys.chord(Keys.CONTROL, "a"), "2026-09-18", Keys.TAB);
		browser.waitFor(d -> d.getCurrentUrl().contains("from=2026-09-18"));
		browser.waitFor(d -> browser.transactionRowIds().size() == shop.rowsFrom18To19);

		// paging: next and previous, and the browser's back button
		browser.open(this.port, "/stores/" + shop.lisbon.id() + "/transactions?limit=5");
		browser.markPage();
		List<String> first = browser.transactionRowIds();
		assertThat(first).hasSize(5);
		browser.driver().findElement(By.cssSelector(".pager a[rel='next']")).click();
		browser.waitFor(d -> d.getCurrentUrl().contains("cursor="));
		browser.waitFor(d -> !browser.transactionRowIds().isEmpty() && !browser.transactionRowIds().get(0).equals(first.get(0)));
		List<String> second = browser.transactionRowIds();
		assertThat(second).hasSize(5).doesNotContainAnyElementsOf(first);
		browser.screenshot("transaction-lookup-page-2");
		browser.driver().findElement(By.cssSelector(".pager a[rel='prev']")).click();
		browser.waitFor(d -> browser.transactionRowIds().equals(first));
		assertThat(browser.pageWasNotReloaded()).isTrue();
		browser.driver().navigate().back();
		browser.waitFor(d -> d.getCurrentUrl().contains("cursor=") && browser.transactionRowIds().equals(second));
		browser.driver().navigate().back();
		browser.waitFor(d -> !d.getCurrentUrl().contains("cursor=") && browser.transactionRowIds().equals(first));

		// All Transactions Search, from the User Menu
		browser.driver().findElement(By.cssSelector(".user-menu summary")).click();
		browser.screenshot("user-menu");
		browser.driver().findElement(By.linkText("All Transactions Search")).click();
		browser.waitFor(d -> d.getTitle().startsWith("All Transactions Search"));
		List<String> stores = cellTexts(1);
		assertThat(stores).contains(shop.lisbon.name(), shop.porto.name());
		assertThat(cellTexts(0)).contains(shop.group.name());
		browser.screenshot("all-transactions-search");

		// the other pages, for a look
		browser.open(this.port, "/merchants/" + shop.group.id());
		browser.screenshot("group");
		browser.open(this.port, "/stores/" + shop.lisbon.id());
		browser.screenshot("store");
		browser.open(this.port, "/help");
		browser.screenshot("help");
		browser.open(this.port, "/stores/" + shop.lisbon.id() + "/transactions?from=2026-09-20&to=2026-09-01");
		assertThat(browser.driver().findElement(By.cssSelector("#results [role='alert']")).getText())
			.isEqualTo("The start date must not be after the end date.");
		browser.screenshot("bad-input");
	}

	/** A headquarters with two stores and a week of varied transactions in Lisbon. */
	private Shop shop() {
		// plain names (they make the README's screenshot); this test runs once per database
		MerchantNode group = this.merchants.create(new MerchantService.NewMerchant("GROUP", "Atlântico Retail", null,
				"Lisboa", null, null, null));
		MerchantNode lisbon = this.merchants.create(new MerchantService.NewMerchant("STORE", "Lisboa Baixa", group.id(),
				"Rua Augusta 100, Lisboa", "Europe/Lisbon", "EUR", "pt-PT"));
		MerchantNode porto = this.merchants.create(new MerchantService.NewMerchant("STORE", "Porto Ribeira", group.id(),
				"Cais da Ribeira 12, Porto", "Europe/Lisbon", "EUR", "pt-PT"));
		Shop shop = new Shop(group, lisbon, porto);
		long[] amounts = { 128_50, 46_90, 1_299_00, 12_00, 89_95, 230_00, 15_75, 64_20, 410_00, 33_30, 7_80, 154_60,
				980_00, 21_45 };
		List<String> charges = new ArrayList<>();
		for (int i = 0; i < amounts.length; i++) {
			Instant at = Instant.parse("2026-09-14T09:12:31Z").plusSeconds(i * 11L * 3600 + i * 97L);
			TestData.Tx tx = this.data.tx(lisbon).amount(amounts[i]).tip(i % 3 == 0 ? amounts[i] / 10 : 0).at(at)
				.method(i % 2 == 0 ? "ALP" : "WXP");
			if (i % 3 == 1) {
				tx.payByLink("PBL-2026-" + (4100 + i));
				shop.payByLinkRows++;
			}
			charges.add(tx.save());
			shop.count(at);
		}
		Instant refundAt = Instant.parse("2026-09-18T16:40:05Z");
		this.data.tx(lisbon).refundOf(charges.get(2)).amount(299_00).at(refundAt).method("ALP").save();
		shop.count(refundAt);
		this.data.tx(porto).amount(75_00).at(Instant.parse("2026-09-19T11:00:00Z")).save();
		return shop;
	}

	static final class Shop {

		final MerchantNode group;

		final MerchantNode lisbon;

		final MerchantNode porto;

		int lisbonRows;

		int payByLinkRows;

		int rowsFrom17To19;

		int rowsFrom18To19;

		Shop(MerchantNode group, MerchantNode lisbon, MerchantNode porto) {
			this.group = group;
			this.lisbon = lisbon;
			this.porto = porto;
		}

		void count(Instant at) {
			this.lisbonRows++;
			String day = at.atZone(java.time.ZoneId.of("Europe/Lisbon")).toLocalDate().toString();
			if (day.compareTo("2026-09-17") >= 0 && day.compareTo("2026-09-19") <= 0) {
				this.rowsFrom17To19++;
			}
			if (day.compareTo("2026-09-18") >= 0 && day.compareTo("2026-09-19") <= 0) {
				this.rowsFrom18To19++;
			}
		}

	}

	private static List<String> headers() {
		return browser.strings(
				"return Array.from(document.querySelectorAll('#transactions thead th')).map(th => th.textContent.trim());");
	}

	private static List<String> cellTexts(int column) {
		return browser.strings(
				"return Array.from(document.querySelectorAll('#transactions tbody tr'))"
						+ ".map(r => r.children[arguments[0]].textContent.trim());",
				column);
	}

}
