package com.walletdesk.refund.web;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.walletdesk.refund.RefundFixture;
import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService;
import com.walletdesk.money.Money;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.Browser;
import com.walletdesk.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Refunding in a real headless Chromium, by keyboard and mouse: the Confirm Refund dialog takes
 * the focus, Escape closes it and gives the focus back to the Refund button; a partial refund
 * shows the blue banner, the new refund_dashboard row and the lower Remaining without a page
 * load; refunding the rest removes the button; the daily balance's refusal shows in red with the
 * China-day explanation. Screenshots go to target/screenshots.
 */
@IntegrationTest
class RefundBrowserIT extends RefundFixture {

	/** Noon in China, 04:00 in Lisbon: the China day began at 16:00 Lisbon time yesterday. */
	static final Instant NOON_CHINA = Instant.parse("2026-11-20T04:00:00Z");

	static final Locale PT = Locale.forLanguageTag("pt-PT");

	@RegisterExtension
	static final Browser browser = new Browser("refund-failure");

	@Autowired
	MerchantService merchants;

	@Test
	void refundsPartThenTheRestThenSeesTheDailyBalanceRefusal() {
		this.clock.set(NOON_CHINA);
		MerchantNode group = this.merchants.create(new MerchantService.NewMerchant("GROUP", "Tejo Trading", null, "Lisboa",
				null, null, null));
		MerchantNode store = this.merchants.create(new MerchantService.NewMerchant("STORE", "Lisboa Chiado", group.id(),
				"Rua Garrett 20, Lisboa", "Europe/Lisbon", "EUR", "pt-PT"));
		// yesterday in China (18:00): a big sale that today's balance cannot refund
		String yesterday = this.data.tx(store).amount(300_00).at(Instant.parse("2026-11-19T10:00:00Z"))
			.payByLink("PBL-7781").save();
		// today in China: 120,00 to refund in two steps, and 35,00 more of today's sales
		String charge = this.data.tx(store).amount(120_00).at(Instant.parse("2026-11-20T02:15:40Z"))
			.payByLink("PBL-7790").save();
		this.data.tx(store).amount(35_00).method("WXP").at(Instant.parse("2026-11-20T03:05:12Z")).save();
		browser.signIn(this.port, this.data.merchantUser(store.id(), true), TestData.PASSWORD);

		browser.open(this.port, "/stores/" + store.id() + "/transactions");
		assertThat(refundButtons()).contains(charge, yesterday);
		browser.markPage();

		// the dialog: focus inside, Escape closes it, focus back on the button
		button(charge).click();
		browser.waitFor(d -> dialogOpen() && "refund-amount".equals(focused().getAttribute("id")));
		assertThat(browser.value("refund-amount")).isEqualTo("120,00");
		assertThat(browser.text("#refund-dialog [data-fact='remaining']")).isEqualTo(eur(120_00));
		assertThat(browser.text("#refund-dialog [data-fact='reference']")).isEqualTo("PBL-7790");
		assertThat(browser.text("#refund-dialog h2")).isEqualTo("Confirm Refund");
		browser.screenshot("refund-dialog");
		focused().sendKeys(Keys.ESCAPE);
		browser.waitFor(d -> !dialogOpen());
		browser.waitFor(d -> ("refund-" + charge).equals(focused().getAttribute("data-opener")));

		// open again from the keyboard, refund part of it
		focused().sendKeys(Keys.ENTER);
		browser.waitFor(d -> dialogOpen() && "refund-amount".equals(focused().getAttribute("id")));
		assertThat(browser.script(
				"var a = document.activeElement; return a.selectionStart === 0 && a.selectionEnd === a.value.length;"))
			.as("the pre-filled amount is selected, so typing replaces it").isEqualTo(true);
		focused().sendKeys("45,50");
		browser.driver().findElement(By.id("refund-reason")).sendKeys("Two items returned");
		browser.screenshot("refund-dialog-partial");
		browser.driver().findElement(By.cssSelector("#refund-form button[type='submit']")).click();
		browser.waitFor(d -> !dialogOpen() && browser.refundBanner().startsWith("Refund Successful"));
		assertThat(browser.refundBanner()).contains(eur(45_50) + " refunded from transaction " + charge)
			.contains("Remaining: " + eur(74_50));
		browser.waitFor(d -> "succeeded".equals(focused().getAttribute("data-outcome")));
		browser.waitFor(d -> eur(74_50).equals(remaining(charge)));
		String refundRow = browser.transactionRowIds().get(0);
		assertThat(cell(refundRow, 12)).as("Parent Transaction ID").isEqualTo(charge);
		assertThat(cell(refundRow, 7)).isEqualTo("Refund (dashboard)");
		assertThat(cell(refundRow, 4)).isEqualTo(eur(45_50));
		assertThat(browser.pageWasNotReloaded()).isTrue();
		browser.screenshot("refund-success");

		// the rest: the button goes
		button(charge).click();
		browser.waitFor(d -> dialogOpen() && "74,50".equals(browser.value("refund-amount")));
		assertThat(browser.driver().findElements(By.cssSelector("#refund-outcome .banner"))).as("the last banner went").isEmpty();
		browser.driver().findElement(By.id("refund-reason")).sendKeys("Rest of the order returned");
		browser.driver().findElement(By.cssSelector("#refund-form button[type='submit']")).click();
		browser.waitFor(d -> !dialogOpen() && browser.refundBanner().startsWith("Refund Successful"));
		browser.waitFor(d -> eur(0).equals(remaining(charge)) && !refundButtons().contains(charge));
		assertThat(browser.transactionRowIds().stream().filter(id -> charge.equals(cell(id, 12))).count()).isEqualTo(2);

		// a refund larger than today's balance (35,00 of sales left today): refused in red, with the China day
		button(yesterday).click();
		browser.waitFor(d -> dialogOpen() && "300,00".equals(browser.value("refund-amount")));
		focused().sendKeys(Keys.chord(Keys.CONTROL, "a"), "100,00");
		browser.driver().findElement(By.id("refund-reason")).sendKeys("Customer returned the order");
		browser.driver().findElement(By.cssSelector("#refund-form button[type='submit']")).click();
		browser.waitFor(d -> dialogOpen() && !browser.driver().findElements(By.id("refund-refusal")).isEmpty());
		String refusal = browser.text("#refund-refusal");
		assertThat(refusal).startsWith("Refund not made. Refund amount is greater than today's overall payment.")
			.contains("sales since 00:00 China time (Asia/Shanghai)")
			.contains("In this store's time, the next 00:00 China time is 2026-11-20 16:00 (Europe/Lisbon).");
		// the refusal is read out first: it takes the focus once htmx has settled it (a moment after it appears)
		browser.waitFor(d -> "refund-refusal".equals(focused().getAttribute("id")));
		assertThat(browser.value("refund-amount")).isEqualTo("100,00");
		browser.screenshot("refund-refused");
		browser.driver().findElement(By.cssSelector("#refund-dialog [data-dialog-close]")).click();
		browser.waitFor(d -> !dialogOpen() && ("refund-" + yesterday).equals(focused().getAttribute("data-opener")));
		assertThat(remaining(yesterday)).isEqualTo(eur(300_00));

		// the charge's refunds, from its row
		browser.driver().findElement(By.cssSelector("[data-opener='refunds-" + charge + "']")).click();
		browser.waitFor(d -> !browser.driver().findElements(By.cssSelector("#refunds-dialog[open] tbody tr")).isEmpty());
		assertThat(browser.driver().findElements(By.cssSelector("#refunds-dialog tbody tr"))).hasSize(2);
		assertThat(browser.text("#refunds-dialog tbody tr:first-child")).contains(eur(45_50)).contains("Two items returned")
			.contains("Refunded");
		browser.screenshot("refunds-list");
		focused().sendKeys(Keys.ESCAPE);
		browser.waitFor(d -> browser.driver().findElements(By.id("refunds-dialog")).isEmpty());
		assertThat(browser.pageWasNotReloaded()).isTrue();
		assertThat(browser.cspViolations()).as("no inline script or style in anything swapped in").isEmpty();
	}

	@Test
	void withoutThePrivilegeTheLookupSaysWhyThereIsNoButton() {
		MerchantNode group = this.merchants.create(new MerchantService.NewMerchant("GROUP", "Sado Foods", null, "Setúbal",
				null, null, null));
		MerchantNode store = this.merchants.create(new MerchantService.NewMerchant("STORE", "Setúbal Mercado", group.id(),
				"Avenida Luísa Todi 10, Setúbal", "Europe/Lisbon", "EUR", "pt-PT"));
		this.data.tx(store).amount(58_40).at(Instant.parse("2026-11-20T09:30:00Z")).save();
		browser.signIn(this.port, this.data.merchantUser(store.id(), false), TestData.PASSWORD);

		browser.open(this.port, "/stores/" + store.id() + "/transactions");

		assertThat(refundButtons()).isEmpty();
		assertThat(browser.driver().findElements(By.id("refunds-off"))).hasSize(1);
		assertThat(browser.text("#refunds-off")).startsWith("Refunds are not enabled for this account, so there is no Refund button. "
				+ "To have them enabled, contact Walletdesk merchant support: support@walletdesk.example");
		browser.screenshot("refunds-off");
	}

	static String eur(long minor) {
		return Money.ofMinor(minor, "EUR").format(PT);
	}

	private static WebElement button(String chargeId) {
		return browser.driver().findElement(By.cssSelector("button[data-opener='refund-" + chargeId + "']"));
	}

	private static boolean dialogOpen() {
		return !browser.driver().findElements(By.cssSelector("#refund-dialog[open]")).isEmpty();
	}

	private static WebElement focused() {
		return browser.driver().switchTo().activeElement();
	}

	private static List<String> refundButtons() {
		return browser.strings(
				"return Array.from(document.querySelectorAll('#transactions button[data-opener]'))"
						+ ".map(b => b.dataset.opener.replace('refund-', ''));");
	}

	private static String cell(String transactionId, int column) {
		return ((String) browser.script(
				"return document.querySelector('#transactions tr[data-id=\"' + arguments[0] + '\"]').children[arguments[1]].textContent;",
				transactionId, column)).strip();
	}

	private static String remaining(String chargeId) {
		return cell(chargeId, 6);
	}

}
