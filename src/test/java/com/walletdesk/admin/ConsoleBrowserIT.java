package com.walletdesk.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService;
import com.walletdesk.support.Browser;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.TestMfa;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The operator console in a real headless Chromium, each page's main path as the support desk
 * walks it: a group and a store created from the lists, a user with the refund privilege who
 * signs in (new password, second factor) and refunds; the license switched off and that user's
 * session ended; an API key created (shown once, copied) and revoked; a file with a bad row
 * checked (nothing stored), then a good one imported. Screenshots (1366x900) go to
 * target/screenshots and, when it exists, /tmp/shots-18.
 */
@IntegrationTest
class ConsoleBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser("console-failure");

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	MerchantService merchants;

	@BeforeEach
	void window() {
		browser.driver().manage().window().setSize(new Dimension(1366, 900));
	}

	@Test
	void createsAStoreAndARefunderWhoSignsInAndRefundsThenTheLicenseEndsItsSession() {
		signInAsOperator();
		browser.open(this.port, "/admin/merchants");
		browser.screenshot("console-merchants-empty-form");
		String groupName = TestData.unique("Tejo Trading");
		browser.driver().findElement(By.cssSelector("input[name='kind'][value='GROUP']")).click();
		browser.type("name", groupName);
		browser.type("location", "Lisboa");
		browser.submit("form[action$='/admin/merchants'][method='post']");
		browser.waitFor(d -> bannerText().equals(groupName + " was created."));

		// a refused store: the message sits under its field, what was typed stays
		String storeName = TestData.unique("Lisboa Chiado");
		browser.driver().findElement(By.cssSelector("input[name='kind'][value='STORE']")).click();
		new Select(browser.driver().findElement(By.id("parentId"))).selectByVisibleText(groupName);
		browser.type("name", storeName);
		browser.submit("form[action$='/admin/merchants'][method='post']");
		browser.waitFor(d -> !d.findElements(By.id("timezone-error")).isEmpty());
		assertThat(browser.text("#timezone-error")).isEqualTo("is required for a store");
		assertThat(browser.value("name")).isEqualTo(storeName);
		browser.screenshot("console-merchants-field-error");
		new Select(browser.driver().findElement(By.id("parentId"))).selectByVisibleText(groupName);
		browser.type("location", "Rua Garrett 20, Lisboa");
		new Select(browser.driver().findElement(By.id("timezone"))).selectByValue("Europe/Lisbon");
		new Select(browser.driver().findElement(By.id("currency"))).selectByValue("EUR");
		new Select(browser.driver().findElement(By.id("locale"))).selectByValue("pt-PT");
		browser.submit("form[action$='/admin/merchants'][method='post']");
		browser.waitFor(d -> bannerText().equals(storeName + " was created."));
		MerchantNode store = this.merchants.visibleNodes(this.merchants.scopeOf(null))
			.stream().filter(n -> n.name().equals(storeName)).findFirst().orElseThrow();
		assertThat(store.timezone()).isEqualTo("Europe/Lisbon");
		assertThat(store.currency()).isEqualTo("EUR");
		assertThat(store.locale()).isEqualTo("pt-PT");
		browser.open(this.port, "/admin/merchants?q=" + groupName.replace(" ", "+"));
		browser.screenshot("console-merchants");

		// a user with the refund privilege: the password shown once
		browser.open(this.port, "/admin/users/new");
		String username = TestData.unique("ana.refunds").toLowerCase();
		browser.type("username", username);
		new Select(browser.driver().findElement(By.id("scopeId"))).selectByVisibleText(storeName);
		browser.driver().findElement(By.id("canRefund")).click();
		browser.screenshot("console-user-new");
		browser.submit("form[action$='/admin/users']");
		browser.waitFor(d -> !d.findElements(By.id("issued-password")).isEmpty());
		String password = browser.text("#issued-password");
		assertThat(password).hasSize(16);
		assertThat(browser.text("#user-refund")).isEqualTo("Yes");
		browser.screenshot("console-user-created");
		browser.open(this.port, "/admin/users?q=" + username);
		assertThat(browser.strings("return Array.from(document.querySelectorAll('#users tbody tr')).map(r => r.dataset.username);"))
			.containsExactly(username);
		// the search narrows as one types (htmx), the page stays
		browser.markPage();
		WebElement search = browser.driver().findElement(By.id("q"));
		search.sendKeys(Keys.chord(Keys.CONTROL, "a"), "no-such-user-at-all");
		browser.waitFor(d -> browser.text("#user-results").contains("No user matches these filters."));
		assertThat(browser.pageWasNotReloaded()).isTrue();
		browser.open(this.port, "/admin/users");
		browser.screenshot("console-users");

		String charge = this.data.tx(store).amount(80_00).at(Instant.now().minus(2, ChronoUnit.MINUTES)).save();

		// the new user signs in: a new password, then the authenticator, then refunds
		browser.driver().manage().deleteAllCookies();
		browser.open(this.port, "/login");
		browser.type("username", username);
		browser.type("password", password);
		browser.submit("form");
		browser.waitFor(d -> d.getCurrentUrl().endsWith("/account/password"));
		String newPassword = "Chiado-Refunds-2026x";
		browser.type("currentPassword", password);
		browser.type("newPassword", newPassword);
		browser.type("confirmPassword", newPassword);
		browser.submit("form[action$='/account/password']");
		browser.waitFor(d -> d.getCurrentUrl().contains("/account/mfa"));
		browser.submit("form[action$='/account/mfa/enrolment']");
		browser.waitFor(d -> !d.findElements(By.cssSelector(".login code")).isEmpty());
		String secret = browser.text(".login code");
		browser.type("enrol-code", TestMfa.code(secret));
		browser.submit("form[action$='/account/mfa/confirm']");
		browser.waitFor(d -> !d.findElements(By.cssSelector("a.primary")).isEmpty());
		browser.driver().findElement(By.cssSelector("a.primary")).click();
		browser.waitFor(d -> d.getTitle().startsWith("Dashboard"));

		browser.open(this.port, "/stores/" + store.id() + "/transactions");
		browser.driver().findElement(By.cssSelector("button[data-opener='refund-" + charge + "']")).click();
		browser.waitFor(d -> !d.findElements(By.cssSelector("#refund-dialog[open]")).isEmpty());
		browser.driver().findElement(By.id("refund-amount")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "30,00");
		browser.driver().findElement(By.id("refund-reason")).sendKeys("Returned one item");
		browser.submit("#refund-form");
		browser.waitFor(d -> browser.refundBanner().startsWith("Refund Successful"));
		assertThat(this.data.jdbc().sql("SELECT COUNT(*) FROM wallet_transaction WHERE parent_id = :c AND type = 'refund_dashboard'")
			.param("c", charge).query(Long.class).single()).isEqualTo(1);
		browser.screenshot("console-refunder-refunded");
		Set<Cookie> refunderCookies = browser.driver().manage().getCookies();

		// the operator switches the group's license off: the confirmation counts the refunder's session
		browser.driver().manage().deleteAllCookies();
		signInAsOperator();
		browser.open(this.port, "/admin/merchants?q=" + groupName.replace(" ", "+"));
		MerchantNode group = this.merchants.findNode(store.parentId()).orElseThrow();
		browser.driver().findElement(By.cssSelector("tr[data-id='" + group.id() + "'] a[data-license]")).click();
		browser.waitFor(d -> !d.findElements(By.id("license-impact")).isEmpty());
		assertThat(browser.text("#license-impact")).startsWith("This ends the access of 1 users and 1 open sessions");
		browser.screenshot("console-license-confirm");
		// the confirm button has the focus: Enter switches it off
		browser.driver().switchTo().activeElement().sendKeys(Keys.ENTER);
		browser.waitFor(d -> bannerText().startsWith("The license of " + groupName + " is off"));
		assertThat(browser.text("tr[data-id='" + store.id() + "']")).contains("Off (a group above is off)");
		browser.screenshot("console-license-off");

		// the refunder's next click: its session is over, and the sign-in page says why
		browser.driver().manage().deleteAllCookies();
		browser.open(this.port, "/login");
		refunderCookies.forEach(c -> browser.driver().manage().addCookie(c));
		browser.open(this.port, "/stores/" + store.id() + "/transactions");
		browser.waitFor(d -> d.getCurrentUrl().contains("/login?license"));
		assertThat(browser.text("p.banner.error")).contains("license");
	}

	@Test
	void createsAnApiKeyShownOnceThenRevokesIt() {
		signInAsOperator();
		browser.open(this.port, "/admin/api-keys");
		String name = TestData.unique("App back end");
		browser.type("name", name);
		browser.submit("form[action$='/admin/api-keys']");
		browser.waitFor(d -> !d.findElements(By.id("new-key-value")).isEmpty());
		String key = browser.text("#new-key-value");
		assertThat(key).startsWith("wdk_");
		browser.driver().findElement(By.cssSelector("[data-copy='new-key-value']")).click();
		// copied to the clipboard ("Copied" shows), or where the browser allows no clipboard, selected for Ctrl+C
		browser.waitFor(d -> browser.driver().findElement(By.cssSelector("#new-key .copied")).isDisplayed()
				|| key.equals(browser.script("return window.getSelection().toString().trim();")));
		browser.screenshot("console-api-key-created");
		browser.open(this.port, "/admin/api-keys");
		assertThat(browser.driver().getPageSource()).doesNotContain(key);
		String id = this.data.jdbc().sql("SELECT id FROM api_key WHERE name = :n").param("n", name).query(Long.class).single().toString();
		browser.driver().findElement(By.cssSelector("tr[data-id='" + id + "'] form button")).click();
		browser.waitFor(d -> bannerText().startsWith("The key " + name + " is revoked"));
		assertThat(browser.text("tr[data-id='" + id + "'] td:last-child")).startsWith("Revoked");
		browser.screenshot("console-api-keys");
	}

	@Test
	void checksAFileWithABadRowStoringNothingThenImportsAGoodOne() throws IOException {
		MerchantNode group = this.data.group("import-group", null);
		MerchantNode store = this.data.eurStore(group.id());
		String header = "Store ID,Transaction ID,Parent Transaction ID,Reference,Transaction Type,Payment Method,Channel,"
				+ "Total,Tip,Currency,Created At";
		String at = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
		String good = store.id() + "," + TestData.randomTransactionId() + ",,PBL-1,charge,WXP,PAY_BY_LINK,25.50,0.00,EUR," + at;
		String bad = store.id() + "," + TestData.randomTransactionId() + ",,,charge,ALP,PAX,9.00,0.00,EUR," + at;
		Path withBadRow = Files.createTempFile("with-bad-row", ".csv");
		Files.writeString(withBadRow, header + "\n" + good + "\n" + bad + "\n");
		Path clean = Files.createTempFile("clean", ".csv");
		Files.writeString(clean, header + "\n" + good + "\n");

		signInAsOperator();
		browser.open(this.port, "/admin/import");
		browser.driver().findElement(By.id("file")).sendKeys(withBadRow.toAbsolutePath().toString());
		browser.driver().findElement(By.id("check")).click();
		browser.waitFor(d -> !d.findElements(By.id("import-errors")).isEmpty());
		assertThat(browser.text("#import-errors tbody tr")).contains("3").contains("Channel").contains("UNSUPPORTED_CHANNEL");
		assertThat(browser.text("#import-report .banner")).contains("1 of 2 rows are not valid");
		assertThat(count(store)).isZero();
		browser.screenshot("console-import-dry-run");

		browser.driver().findElement(By.id("file")).sendKeys(clean.toAbsolutePath().toString());
		browser.driver().findElement(By.id("import")).click();
		browser.waitFor(d -> !d.findElements(By.cssSelector("#import-report .banner.info")).isEmpty());
		assertThat(browser.text("#import-report .banner")).contains("1 rows stored");
		assertThat(count(store)).isEqualTo(1);
		browser.screenshot("console-import-done");
		Files.deleteIfExists(withBadRow);
		Files.deleteIfExists(clean);
	}

	private void signInAsOperator() {
		browser.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
	}

	private long count(MerchantNode store) {
		return this.data.jdbc().sql("SELECT COUNT(*) FROM wallet_transaction WHERE store_id = :s")
			.param("s", store.id()).query(Long.class).single();
	}

	private static String bannerText() {
		var banners = browser.driver().findElements(By.cssSelector(".console .banner.info"));
		return banners.isEmpty() ? "" : banners.get(0).getText().strip();
	}

}
