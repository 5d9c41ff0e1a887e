package com.walletdesk.refund.web;

import java.util.List;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService;
import com.walletdesk.refund.RefundFixture;
import com.walletdesk.support.Browser;
import com.walletdesk.support.FakeWechatPay;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.TestWallets;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real headless Chromium: a refund through WeChat Pay that the wallet refuses with
 * {@code NOT_ENOUGH} shows the wallet's code and words in the dialog's red box, nothing refunded;
 * an ABNORMAL one is listed on the operator's /admin/refunds page. Screenshots go to
 * target/screenshots.
 */
@IntegrationTest
class WalletRefusalBrowserIT extends RefundFixture {

	@RegisterExtension
	static final Browser browser = new Browser("wallet-refusal-failure");

	@Autowired
	MerchantService merchants;

	final FakeWechatPay wechat = FakeWechatPay.get();

	@AfterEach
	void resetTheFake() {
		this.wechat.reset();
	}

	MerchantNode wechatStore(String name) {
		MerchantNode group = this.merchants.create(new MerchantService.NewMerchant("GROUP", name + " Group", null, "Porto",
				null, null, null));
		MerchantNode store = this.merchants.create(new MerchantService.NewMerchant("STORE", name, group.id(),
				"Rua de Santa Catarina 1, Porto", "Europe/Lisbon", "EUR", "en-GB"));
		WebSession admin = WebSession.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
		assertThat(admin.put("/api/v1/admin/stores/" + store.id() + "/wallets/WXP", TestWallets.wechatPay("1900000109"))
			.status()).isEqualTo(200);
		return store;
	}

	@Test
	void notEnoughShowsTheWalletsCodeAndWordsInTheRedBox() {
		MerchantNode store = wechatStore("Porto Bolhão");
		String charge = this.data.tx(store).method("WXP").amount(80_00).save();
		browser.signIn(this.port, this.data.merchantUser(store.id(), true), TestData.PASSWORD);
		browser.open(this.port, "/stores/" + store.id() + "/transactions");
		this.wechat.answerNext(FakeWechatPay.Mode.NOT_ENOUGH);

		browser.driver().findElement(By.cssSelector("button[data-opener='refund-" + charge + "']")).click();
		browser.waitFor(d -> dialogOpen() && "refund-amount".equals(focused().getAttribute("id")));
		browser.driver().findElement(By.id("refund-reason")).sendKeys("Customer returned the order");
		browser.driver().findElement(By.cssSelector("#refund-form button[type='submit']")).click();
		browser.waitFor(d -> dialogOpen() && !d.findElements(By.id("refund-refusal")).isEmpty());

		WebElement box = browser.driver().findElement(By.id("refund-refusal"));
		assertThat(box.getAttribute("class")).contains("banner").contains("error");
		assertThat(box.getAttribute("role")).isEqualTo("alert");
		assertThat(box.getAttribute("data-code")).isEqualTo("PROVIDER_DECLINED");
		assertThat(box.getCssValue("color")).as("red words (--red)").contains("179, 38, 30");
		assertThat(box.getText()).contains("NOT_ENOUGH").contains("refund amount greater than today's overall payment");
		browser.waitFor(d -> "refund-refusal".equals(focused().getAttribute("id")));
		browser.screenshot("wallet-not-enough");

		assertThat(this.transactions.findById(charge).orElseThrow().remaining()).as("nothing refunded or reserved").isEqualTo(80_00);
		assertThat(this.wechat.requests().stream().filter(r -> r.body().contains("\"" + this.transactions.findById(charge).orElseThrow()
			.vendorReference() + "\"")).toList()).as("the wallet was asked once").hasSize(1);
	}

	@Test
	void anAbnormalRefundIsListedOnTheOperatorsPage() {
		MerchantNode store = wechatStore("Porto Ribeira");
		String charge = this.data.tx(store).method("WXP").amount(50_00).save();
		WebSession merchant = WebSession.signIn(this.port, this.data.merchantUser(store.id(), true), TestData.PASSWORD);
		this.wechat.answerNext(FakeWechatPay.Mode.ABNORMAL);
		String refundId = merchant.post("/api/v1/transactions/" + charge + "/refunds",
				"{\"amount\":\"20.00\",\"reason\":\"stuck at the wallet\"}", java.util.Map.of("Idempotency-Key", "abnormal-" + charge))
			.json().path("refund").path("id").asString();

		browser.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
		browser.open(this.port, "/admin/merchants");
		browser.driver().findElement(By.linkText("Refunds needing attention")).click();
		browser.waitFor(d -> d.getCurrentUrl().endsWith("/admin/refunds"));
		assertThat(browser.driver().findElement(By.cssSelector("nav.console-nav a[aria-current='page']")).getText())
			.isEqualTo("Refunds needing attention");
		List<WebElement> rows = browser.driver().findElements(By.cssSelector("#attention-refunds tr[data-refund='" + refundId + "']"));
		assertThat(rows).hasSize(1);
		assertThat(rows.get(0).getText()).contains(charge).contains("Porto Ribeira").contains("WECHATPAY_GLOBAL")
			.contains("ABNORMAL");
		browser.screenshot("admin-refunds-attention");
	}

	private static boolean dialogOpen() {
		return !browser.driver().findElements(By.cssSelector("#refund-dialog[open]")).isEmpty();
	}

	private static WebElement focused() {
		return browser.driver().switchTo().activeElement();
	}

}
