package com.walletdesk.transaction.web;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.HeadlessChromium;
import com.walletdesk.support.TestData;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

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

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	static HeadlessChromium browser;

	static WebDriver driver;


	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	MerchantService merchants;

	@BeforeAll
	static void startBrowser() throws IOException {
		browser = HeadlessChromium.start();
		driver = browser.driver();
		Files.createDirectories(SCREENSHOTS);
	}

	@AfterAll
	static void stopBrowser() throws IOException {
		if (browser != null) {
			browser.close();
		}
	}

	@Test
	void searchesAsYouTypePicksAPeriodPagesAndOpensAllTransactionsSearch() {
		Shop shop = shop();
		signIn(this.data.merchantUser(shop.group.id(), false));

		open("/stores/" + shop.lisbon.id() + "/transactions");
		assertThat(driver.getTitle()).startsWith("Transaction Lookup");
		assertThat(rowIds()).hasSize(shop.lisbonRows).as("the default period: the last week with transactions");
		assertThat(value("from")).isEqualTo("2026-09-14");
		assertThat(value("to")).isEqualTo("2026-09-20");
		screenshot("transaction-lookup");
		driver.manage().window().setSize(new org.openqa.selenium.Dimension(2560, 1000));
		screenshot("transaction-lookup-wide");
		driver.manage().window().setSize(new org.openqa.selenium.Dimension(1400, 900));
		assertThat(headers()).containsExactlyElementsOf(TransactionPagesIT.COLUMNS);

		// search as you type: rows narrow, the URL follows, the page is not reloaded
		markPage();
		WebElement search = driver.findElement(By.id("q"));
		search.sendKeys("pbl-2026");
		waitFor(d -> rowIds().size() == shop.payByLinkRows);
		waitFor(d -> d.getCurrentUrl().contains("q=pbl-2026"));
		assertThat(pageWasNotReloaded()).isTrue();
		assertThat(cellTexts(4)).allMatch(reference -> reference.startsWith("PBL-2026"));
		search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
		search.sendKeys("wechat");
		waitFor(d -> d.getCurrentUrl().contains("q=wechat"));
		waitFor(d -> cellTexts(7).stream().allMatch("WeChat Pay"::equals) && !cellTexts(7).isEmpty());
		search.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
		waitFor(d -> rowIds().size() == shop.lisbonRows);
		assertThat(pageWasNotReloaded()).isTrue();

		// the calendar: first click the start, second click the end
		driver.findElement(By.cssSelector("[data-range-toggle]")).click();
		waitFor(d -> d.findElement(By.id("calendar")).isDisplayed());
		screenshot("calendar");
		driver.findElement(By.cssSelector("#calendar [data-date='2026-09-19']")).click();
		assertThat(value("from")).isEqualTo("2026-09-19");
		driver.findElement(By.cssSelector("#calendar [data-date='2026-09-17']")).click();
		waitFor(d -> d.getCurrentUrl().contains("from=2026-09-17") && d.getCurrentUrl().contains("to=2026-09-19"));
		waitFor(d -> rowIds().size() == shop.rowsFrom17To19);
		assertThat(driver.findElement(By.id("calendar")).isDisplayed()).isFalse();
		assertThat(pageWasNotReloaded()).isTrue();

		// the same with the keyboard in the plain date input (month/day/year in en-US)
		WebElement from = driver.findElement(By.id("from"));
		from.sendKeys("09182026"); // focus lands on the first part, the month
		waitFor(d -> d.getCurrentUrl().contains("from=2026-09-18"));
		waitFor(d -> rowIds().size() == shop.rowsFrom18To19);

		// paging: next and previous, and the browser's back button
		open("/stores/" + shop.lisbon.id() + "/transactions?limit=5");
		markPage();
		List<String> first = rowIds();
		assertThat(first).hasSize(5);
		driver.findElement(By.cssSelector(".pager a[rel='next']")).click();
		waitFor(d -> d.getCurrentUrl().contains("cursor="));
		waitFor(d -> !rowIds().isEmpty() && !rowIds().get(0).equals(first.get(0)));
		List<String> second = rowIds();
		assertThat(second).hasSize(5).doesNotContainAnyElementsOf(first);
		screenshot("transaction-lookup-page-2");
		driver.findElement(By.cssSelector(".pager a[rel='prev']")).click();
		waitFor(d -> rowIds().equals(first));
		assertThat(pageWasNotReloaded()).isTrue();
		driver.navigate().back();
		waitFor(d -> d.getCurrentUrl().contains("cursor=") && rowIds().equals(second));
		driver.navigate().back();
		waitFor(d -> !d.getCurrentUrl().contains("cursor=") && rowIds().equals(first));

		// All Transactions Search, from the User Menu
		driver.findElement(By.cssSelector(".user-menu summary")).click();
		screenshot("user-menu");
		driver.findElement(By.linkText("All Transactions Search")).click();
		waitFor(d -> d.getTitle().startsWith("All Transactions Search"));
		List<String> stores = cellTexts(1);
		assertThat(stores).contains(shop.lisbon.name(), shop.porto.name());
		assertThat(cellTexts(0)).contains(shop.group.name());
		screenshot("all-transactions-search");

		// the other pages, for a look
		open("/merchants/" + shop.group.id());
		screenshot("group");
		open("/stores/" + shop.lisbon.id());
		screenshot("store");
		open("/help");
		screenshot("help");
		open("/stores/" + shop.lisbon.id() + "/transactions?from=2026-09-20&to=2026-09-01");
		assertThat(driver.findElement(By.cssSelector("#results [role='alert']")).getText())
			.isEqualTo("The start date must not be after the end date.");
		screenshot("bad-input");
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

	private void signIn(String username) {
		open("/login");
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(TestData.PASSWORD);
		driver.findElement(By.cssSelector("form button[type='submit']")).click();
		waitFor(d -> d.getTitle().startsWith("Dashboard"));
		screenshot("home");
	}

	private void open(String path) {
		driver.get("http://127.0.0.1:" + this.port + path);
		waitFor(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
	}

	/** Leaves a mark on the window: it survives htmx swaps and dies with any page load. */
	private static void markPage() {
		((JavascriptExecutor) driver).executeScript("window.walletdeskMarker = 'still-here';");
	}

	private static boolean pageWasNotReloaded() {
		return "still-here".equals(((JavascriptExecutor) driver).executeScript("return window.walletdeskMarker;"));
	}

	private static String value(String id) {
		return driver.findElement(By.id(id)).getDomProperty("value");
	}

	@SuppressWarnings("unchecked")
	private static List<String> rowIds() {
		return (List<String>) ((JavascriptExecutor) driver).executeScript(
				"return Array.from(document.querySelectorAll('#transactions tbody tr')).map(r => r.dataset.id);");
	}

	@SuppressWarnings("unchecked")
	private static List<String> headers() {
		return (List<String>) ((JavascriptExecutor) driver).executeScript(
				"return Array.from(document.querySelectorAll('#transactions thead th')).map(th => th.textContent.trim());");
	}

	@SuppressWarnings("unchecked")
	private static List<String> cellTexts(int column) {
		return (List<String>) ((JavascriptExecutor) driver).executeScript(
				"return Array.from(document.querySelectorAll('#transactions tbody tr'))"
						+ ".map(r => r.children[arguments[0]].textContent.trim());",
				column);
	}

	private static void waitFor(Function<WebDriver, Boolean> condition) {
		try {
			new WebDriverWait(driver, Duration.ofSeconds(10), Duration.ofMillis(100)).ignoring(RuntimeException.class)
				.until(condition::apply);
		}
		catch (RuntimeException ex) {
			screenshot("failure");
			throw new AssertionError("timed out on " + driver.getCurrentUrl(), ex);
		}
	}

	private static void screenshot(String name) {
		try {
			File png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
			Files.copy(png.toPath(), SCREENSHOTS.resolve(name + ".png"), StandardCopyOption.REPLACE_EXISTING);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
