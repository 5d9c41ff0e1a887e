package com.walletdesk.admin;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.Browser;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.TestKeys;
import com.walletdesk.support.TestWallets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * In a real headless Chromium: from the merchants page to a store's wallets, WeChat Pay connected
 * through the form (a refusal first, next to its field, the keys not put back), then shown
 * without a key; the sandbox's settings page reached from there. Screenshots go to target/screenshots.
 */
@IntegrationTest
class WalletsConsoleBrowserIT {

	@RegisterExtension
	static final Browser browser = new Browser("wallets-console-failure");

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	com.walletdesk.sandbox.SandboxWallet sandbox;

	@Test
	void anOperatorConnectsAStoreToWechatPay() {
		MerchantNode group = this.data.group("wallets-browser-group", null);
		MerchantNode store = this.data.eurStore(group.id());
		browser.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
		browser.open(this.port, "/admin/merchants?q=" + store.name());
		browser.driver().findElement(By.cssSelector("a[href='/admin/stores/" + store.id() + "/wallets']")).click();
		browser.waitFor(d -> d.getCurrentUrl().endsWith("/admin/stores/" + store.id() + "/wallets"));
		assertThat(browser.text("#wallet-WXP .empty")).isEqualTo("Not configured: refunds go to the default wallet.");
		browser.screenshot("wallets-empty");

		WebElement live = browser.driver().findElement(By.cssSelector("#wallet-WXP input[value='WECHATPAY_GLOBAL']"));
		live.sendKeys(Keys.SPACE);
		assertThat(live.isSelected()).as("chosen from the keyboard").isTrue();
		browser.type("WXP-mchId", "1900000109");
		browser.type("WXP-appId", "wxd678efh567hg6787");
		browser.type("WXP-merchantSerialNo", TestWallets.MERCHANT_SERIAL);
		browser.type("WXP-wechatPayPublicKeyId", TestWallets.WECHAT_PUBLIC_KEY_ID);
		paste("WXP-merchantPrivateKey", TestKeys.privatePem(TestKeys.merchant()));
		browser.type("WXP-apiV3Key", "too-short");
		paste("WXP-wechatPayPublicKey", TestKeys.publicPem(TestKeys.wallet()));
		browser.driver().findElement(By.cssSelector("#wallet-WXP button[type='submit']")).click();
		browser.waitFor(d -> !d.findElements(By.id("WXP-apiV3Key-error")).isEmpty());
		assertThat(browser.value("WXP-mchId")).as("identifiers kept").isEqualTo("1900000109");
		assertThat(browser.value("WXP-merchantPrivateKey")).as("keys never put back").isEmpty();
		browser.screenshot("wallets-refused");

		paste("WXP-merchantPrivateKey", TestKeys.privatePem(TestKeys.merchant()));
		browser.type("WXP-apiV3Key", TestWallets.API_V3_KEY);
		paste("WXP-wechatPayPublicKey", TestKeys.publicPem(TestKeys.wallet()));
		browser.driver().findElement(By.cssSelector("#wallet-WXP button[type='submit']")).click();
		browser.waitFor(d -> !d.findElements(By.cssSelector("dl[data-current='WXP']")).isEmpty());
		assertThat(browser.text(".banner.info")).isEqualTo("WXP is now connected to WeChat Pay Global.");
		assertThat(browser.text("dl[data-current='WXP'] [data-fact='provider']")).isEqualTo("WeChat Pay Global");
		assertThat(browser.text("dl[data-current='WXP'] [data-fact='mchId']")).isEqualTo("1900000109");
		assertThat(browser.driver().getPageSource()).doesNotContain(TestWallets.API_V3_KEY);
		assertThat(browser.value("WXP-merchantPrivateKey")).isEmpty();
		browser.screenshot("wallets-connected");
	}

	@Test
	void anOperatorMakesTheSandboxDeclineForOneStore() {
		MerchantNode store = this.data.eurStore(this.data.group("sandbox-browser-group", null).id());
		browser.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
		try {
			browser.open(this.port, "/admin/stores/" + store.id() + "/wallets");
			browser.driver().findElement(By.linkText("How the sandbox answers")).click();
			browser.waitFor(d -> d.getCurrentUrl().endsWith("/admin/sandbox"));
			assertThat(browser.text("#sandbox-global [data-fact='mode']")).isEqualTo("Approve");
			new org.openqa.selenium.support.ui.Select(browser.driver().findElement(By.id("mode"))).selectByValue("DECLINE");
			browser.type("storeId", String.valueOf(store.id()));
			browser.type("message", "account frozen");
			// submitted from the keyboard
			browser.driver().findElement(By.id("message")).sendKeys(Keys.ENTER);
			browser.waitFor(d -> !d.findElements(By.cssSelector("#sandbox-stores tr[data-store='" + store.id() + "']")).isEmpty());
			assertThat(browser.text(".banner.info")).isEqualTo("Store " + store.id() + ": Decline.");
			assertThat(browser.text("#sandbox-stores tr[data-store='" + store.id() + "']")).contains("Decline")
				.contains("account frozen");
			browser.screenshot("sandbox-settings");
		}
		finally {
			this.sandbox.approveAll();
		}
	}

	/** Long PEM texts are set as a paste would, in one go (typing 1,700 characters is slow). */
	private static void paste(String id, String text) {
		browser.script("document.getElementById(arguments[0]).value = arguments[1];", id, text);
	}

}
