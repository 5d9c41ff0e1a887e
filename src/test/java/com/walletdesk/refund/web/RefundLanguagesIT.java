package com.walletdesk.refund.web;

import java.time.Instant;
import java.util.Locale;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.money.Money;
import com.walletdesk.refund.RefundFixture;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Confirm Refund dialog in the page's language: the amount is shown, pre-filled and read in
 * that language's way (12,50 in French, 12.50 in Chinese), the outcome is said in it.
 */
@IntegrationTest
class RefundLanguagesIT extends RefundFixture {

	static final Instant NOON_CHINA = Instant.parse("2026-11-20T04:00:00Z");

	@Test
	void aRefundInFrenchAndInChinese() {
		this.clock.set(NOON_CHINA);
		MerchantNode store = this.data.eurStore(this.data.group("refund-languages", null).id());
		String charge = this.data.tx(store).amount(120_00).at(NOON_CHINA.minusSeconds(3600)).save();
		WebSession session = WebSession.signIn(this.port, this.data.merchantUser(store.id(), true), TestData.PASSWORD);
		RefundPages pages = new RefundPages(this.port, session);

		session.get("/?lang=fr");
		String dialog = pages.dialog(charge).body();
		assertThat(RefundPages.amountField(dialog)).isEqualTo("120,00");
		assertThat(dialog).contains("Confirmer le remboursement").doesNotContain("??");
		var french = pages.confirm(charge, "12,50", "article rendu", RefundPages.key(dialog));
		assertThat(french.status()).isEqualTo(200);
		assertThat(RefundPages.banner(french.body())).startsWith("Remboursement effectué")
			.contains(Money.ofMinor(12_50, "EUR").format(Locale.FRENCH) + " remboursé sur la transaction " + charge)
			.contains("Restant : " + Money.ofMinor(107_50, "EUR").format(Locale.FRENCH));

		session.get("/?lang=zh-CN");
		String chinese = pages.dialog(charge).body();
		assertThat(RefundPages.amountField(chinese)).isEqualTo("107.50");
		assertThat(chinese).contains("确认退款");
		var refunded = pages.confirm(charge, "7.50", "退货", RefundPages.key(chinese));
		assertThat(refunded.status()).isEqualTo(200);
		assertThat(RefundPages.banner(refunded.body())).startsWith("退款成功").contains("€7.50").contains("€100.00");

		// an amount refused in the language's words, the code's meaning unchanged
		session.get("/?lang=es");
		var tooMuch = pages.refund(charge, "500,00", "demasiado");
		assertThat(tooMuch.status()).isEqualTo(422);
		assertThat(tooMuch.body()).contains("El importe del reembolso es mayor que el saldo pendiente");
	}

}
