package com.walletdesk.paylink;

import java.util.Set;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.Browser;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Pay By Link in a real headless Chromium, as a merchant and a payer walk it: "New payment link"
 * from Transaction Lookup, the form (a refused amount told next to its field, then submitted
 * with the keyboard), the link with its URL and QR code; the payer, signed out, opens the link
 * and pays with the sandbox wallet; the merchant finds the charge in Lookup by its reference and
 * refunds it; a second link is cancelled after its confirmation. Screenshots of each page go to
 * target/screenshots and, when it exists, /tmp/shots-18.
 */
@IntegrationTest
class PayByLinkBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser("paylink-failure");

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@BeforeEach
	void window() {
		browser.driver().manage().window().setSize(new Dimension(1366, 900));
	}

	@Test
	void aMerchantCreatesALinkAPayerPaysItAndTheMerchantRefundsTheCharge() {
		MerchantNode group = this.data.group("Tejo Group", null);
		MerchantNode store = this.data.eurStore(group.id());
		String username = this.data.merchantUser(group.id(), true);
		browser.signIn(this.port, username, TestData.PASSWORD);

		browser.open(this.port, "/stores/" + store.id() + "/payment-links");
		assertThat(browser.driver().findElements(By.id("no-links"))).as("the empty state").hasSize(1);
		browser.screenshot("paylink-list-empty");

		// from Transaction Lookup: "New payment link"
		browser.open(this.port, "/stores/" + store.id() + "/transactions");
		browser.driver().findElement(By.id("new-payment-link")).click();
		browser.waitFor(d -> d.getTitle().startsWith("New payment link"));
		browser.type("amount", "12,345");
		String reference = TestData.unique("ORDER");
		browser.type("reference", reference);
		browser.submit("form.console-form");
		browser.waitFor(d -> !d.findElements(By.id("amount-error")).isEmpty());
		assertThat(browser.driver().findElement(By.id("amount")).getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(browser.value("reference")).as("kept as typed").isEqualTo(reference);
		browser.screenshot("paylink-new-refused");

		browser.type("amount", "42,50");
		browser.type("description", "Dinner for two, table 7");
		// submitted from the keyboard: Enter in a field
		browser.driver().findElement(By.id("reference")).sendKeys(Keys.ENTER);
		browser.waitFor(d -> !d.findElements(By.id("link-url")).isEmpty());
		assertThat(browser.text("#link-status")).isEqualTo("Active");
		assertThat(browser.driver().findElements(By.cssSelector("#link-qr svg path"))).hasSize(1);
		assertThat(browser.driver().findElements(By.cssSelector("button[data-copy='link-url']"))).hasSize(1);
		String url = browser.text("#link-url");
		assertThat(url).matches("http://localhost:8080/pay/[A-Za-z0-9_-]{43}");
		String token = url.substring(url.lastIndexOf('/') + 1);
		browser.screenshot("paylink-created");

		// the payer: no session at all
		Set<Cookie> merchantCookies = browser.driver().manage().getCookies();
		browser.driver().manage().deleteAllCookies();
		browser.open(this.port, "/pay/" + token);
		assertThat(browser.text("#pay-store")).isEqualTo(store.name());
		assertThat(browser.text("#pay-amount")).contains("42,50");
		assertThat(browser.text("#pay-description")).isEqualTo("Dinner for two, table 7");
		browser.driver().findElement(By.id("method-WXP")).click();
		browser.screenshot("paylink-payer-page");
		browser.driver().findElement(By.id("pay-button")).click();
		browser.waitFor(d -> !d.findElements(By.id("paid-banner")).isEmpty());
		String charge = browser.text("#paid-transaction");
		assertThat(charge).matches("\\d{12}");
		browser.screenshot("paylink-payer-paid");
		browser.open(this.port, "/pay/" + token);
		assertThat(browser.driver().findElements(By.id("pay-button"))).as("paid once").isEmpty();
		assertThat(browser.text("#pay-closed")).contains("paid already");
		browser.screenshot("paylink-payer-closed");

		// the merchant again: the charge in Lookup by its reference, refunded
		browser.driver().manage().deleteAllCookies();
		merchantCookies.forEach(c -> browser.driver().manage().addCookie(c));
		browser.open(this.port, "/stores/" + store.id() + "/transactions?q=" + reference);
		assertThat(browser.transactionRowIds()).containsExactly(charge);
		assertThat(browser.text("#transactions tbody tr td[data-col='reference']")).isEqualTo(reference);
		browser.driver().findElement(By.cssSelector("button[data-opener='refund-" + charge + "']")).click();
		browser.waitFor(d -> !d.findElements(By.cssSelector("#refund-dialog[open]")).isEmpty());
		browser.driver().findElement(By.id("refund-amount")).sendKeys(Keys.chord(Keys.CONTROL, "a"), "12,50");
		browser.driver().findElement(By.id("refund-reason")).sendKeys("One dish was missing");
		browser.submit("#refund-form");
		browser.waitFor(d -> browser.refundBanner().startsWith("Refund Successful"));
		assertThat(this.data.jdbc()
			.sql("SELECT COUNT(*) FROM wallet_transaction WHERE parent_id = :c AND type = 'refund_dashboard'")
			.param("c", charge)
			.query(Long.class)
			.single()).isEqualTo(1);
		browser.screenshot("paylink-lookup-refunded");

		// a second link, cancelled after its confirmation
		browser.open(this.port, "/stores/" + store.id() + "/payment-links/new");
		browser.type("amount", "5");
		String second = TestData.unique("ORDER");
		browser.type("reference", second);
		browser.submit("form.console-form");
		browser.waitFor(d -> !d.findElements(By.id("link-url")).isEmpty());
		browser.open(this.port, "/stores/" + store.id() + "/payment-links");
		assertThat(browser.strings("return Array.from(document.querySelectorAll('#payment-links tbody tr'))"
				+ ".map(r => r.dataset.status);")).containsExactly("active", "paid");
		browser.screenshot("paylink-list");
		browser.driver().findElement(By.cssSelector("#payment-links tbody tr[data-status='active'] a.danger")).click();
		browser.waitFor(d -> d.getTitle().startsWith("Cancel payment link"));
		browser.screenshot("paylink-cancel-confirm");
		browser.submit("form.actions");
		browser.waitFor(d -> !d.findElements(By.cssSelector(".banner.info")).isEmpty());
		assertThat(browser.text(".banner.info")).contains(second).contains("cancelled");
		assertThat(browser.strings("return Array.from(document.querySelectorAll('#payment-links tbody tr'))"
				+ ".map(r => r.dataset.status);")).containsExactly("cancelled", "paid");
		browser.screenshot("paylink-list-cancelled");
	}

}
