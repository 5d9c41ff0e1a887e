package com.walletdesk.paylink;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.web.ProblemException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The checks of a new link, before anything is written: shape 400, rules 422, every field named. */
class PaymentLinkRulesTest {

	static final Instant NOW = Instant.parse("2026-12-08T10:00:00Z");

	static final MerchantNode EUR = new MerchantNode(9, 1L, MerchantNode.Kind.STORE, "Tejo", null, "Europe/Lisbon",
			"EUR", "pt-PT", true, "/1/9/");

	static final MerchantNode JPY = new MerchantNode(10, 1L, MerchantNode.Kind.STORE, "Ginza", null, "Asia/Tokyo",
			"JPY", "ja-JP", true, "/1/10/");

	@Test
	void fillsInTheDefaults() {
		PaymentLinkRules.Valid link = PaymentLinkRules.check(new NewPaymentLink(" 25 ", null, " PBL-1 ", "  ", null, null),
				EUR, NOW);
		assertThat(link.amount().minor()).isEqualTo(25_00);
		assertThat(link.reference()).isEqualTo("PBL-1");
		assertThat(link.description()).isNull();
		assertThat(link.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(7)));
		assertThat(link.methods()).containsExactly("ALP", "WXP");
		assertThat(PaymentLinkRules.check(new NewPaymentLink("1200", "JPY", "R", null, null, List.of("WXP", "WXP")), JPY, NOW)
			.methods()).containsExactly("WXP");
	}

	@Test
	void shapeProblemsAre400WithEveryField() {
		ProblemException ex = refused(new NewPaymentLink(null, null, null, "x".repeat(501), "tomorrow",
				Arrays.asList("ALP", null)));
		assertThat(ex.status().value()).isEqualTo(400);
		assertThat(ex.code()).isEqualTo("VALIDATION_FAILED");
		assertThat(ex.fields()).containsOnlyKeys("amount", "reference", "description", "expiresAt", "methods");
		assertThat(refused(new NewPaymentLink("1.00", null, "a\u0007b", null, null, null)).fields()).containsKey("reference");
		assertThat(refused(new NewPaymentLink("1.00", null, "line\nbreak", null, null, null)).fields()).containsKey("reference");
		assertThat(PaymentLinkRules.check(new NewPaymentLink("1.00", null, "R", "two\nlines", null, null), EUR, NOW)
			.description()).isEqualTo("two\nlines");
	}

	@Test
	void rulesAre422WithTheFirstProblemsCode() {
		assertThat(refused(new NewPaymentLink("0.00", null, "R", null, null, null)).code()).isEqualTo("INVALID_AMOUNT");
		assertThat(refused(new NewPaymentLink("1.5", "JPY", "R", null, null, null)).code()).isEqualTo("CURRENCY_MISMATCH");
		assertThat(PaymentLinkRules.check(new NewPaymentLink("1.5", "EUR", "R", null, null, null), EUR, NOW).amount().minor())
			.isEqualTo(1_50);
		ProblemException jpy = catchThrowableOfType(ProblemException.class,
				() -> PaymentLinkRules.check(new NewPaymentLink("12.5", null, "R", null, null, null), JPY, NOW));
		assertThat(jpy.code()).isEqualTo("INVALID_AMOUNT");
		assertThat(refused(new NewPaymentLink("10000000.01", null, "R", null, null, null)).code()).isEqualTo("INVALID_AMOUNT");
		assertThat(PaymentLinkRules.check(new NewPaymentLink("10000000.00", null, "R", null, null, null), EUR, NOW).amount()
			.minor()).isEqualTo(1_000_000_000L);

		ProblemException past = refused(new NewPaymentLink("1.00", null, "R", null, NOW.toString(), null));
		assertThat(past.status().value()).isEqualTo(422);
		assertThat(past.code()).isEqualTo("INVALID_EXPIRY");
		assertThat(refused(new NewPaymentLink("1.00", null, "R", null, NOW.plus(Duration.ofDays(367)).toString(), null))
			.fields()).containsKey("expiresAt");
		assertThat(PaymentLinkRules.check(
				new NewPaymentLink("1.00", null, "R", null, NOW.plus(Duration.ofDays(366)).toString(), null), EUR, NOW)
			.expiresAt()).isEqualTo(NOW.plus(Duration.ofDays(366)));

		ProblemException both = refused(new NewPaymentLink("-1", null, "R", null, NOW.minusSeconds(1).toString(), null));
		assertThat(both.code()).isEqualTo("INVALID_AMOUNT");
		assertThat(both.fields()).containsOnlyKeys("amount", "expiresAt");
	}

	@Test
	void anExpiredLinkIsDerivedFromItsTime() {
		PaymentLink link = new PaymentLink(1, 9, "t", "R", 100, "EUR", null, List.of("ALP"), PaymentLink.ACTIVE, NOW, "u",
				NOW.minusSeconds(60), null, null, null);
		assertThat(link.status(NOW.minusMillis(1))).isEqualTo("active");
		assertThat(link.status(NOW)).isEqualTo("expired");
		PaymentLink paid = new PaymentLink(1, 9, "t", "R", 100, "EUR", null, List.of("ALP"), PaymentLink.PAID, NOW, "u",
				NOW.minusSeconds(60), NOW.minusSeconds(1), "900000000001", null);
		assertThat(paid.status(NOW.plusSeconds(3600))).as("a paid link stays paid").isEqualTo("paid");
	}

	private static ProblemException refused(NewPaymentLink link) {
		ProblemException ex = catchThrowableOfType(ProblemException.class, () -> PaymentLinkRules.check(link, EUR, NOW));
		assertThat(ex).as("refused").isNotNull();
		return ex;
	}

}
