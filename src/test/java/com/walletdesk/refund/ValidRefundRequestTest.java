package com.walletdesk.refund;

import com.walletdesk.money.Money;
import com.walletdesk.web.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.http.HttpStatus;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** Each bad input has its own code, decided before anything is locked or reserved. */
class ValidRefundRequestTest {

	@ParameterizedTest
	@ValueSource(strings = { "0", "0.00", "-1.00", "-0.01", "12.345", "abc", "12,34", "1e3", "", " ", "12.", ".5",
			"1234567890123456" })
	void badAmountsAreInvalidAmount(String amount) {
		ProblemException ex = catchThrowableOfType(ProblemException.class,
				() -> ValidRefundRequest.checkAmount(amount, "EUR"));
		assertThat(ex.code()).isEqualTo(RefundCodes.INVALID_AMOUNT);
		assertThat(ex.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(ex.fields()).containsKey("amount");
	}

	@Test
	void amountsFollowTheCurrencysDigits() {
		assertThat(ValidRefundRequest.checkAmount("12.34", "EUR")).isEqualTo(Money.ofMinor(1234, "EUR"));
		assertThat(ValidRefundRequest.checkAmount("1200", "JPY")).isEqualTo(Money.ofMinor(1200, "JPY"));
		assertThat(catchThrowableOfType(ProblemException.class, () -> ValidRefundRequest.checkAmount("12.5", "JPY"))
			.code()).isEqualTo(RefundCodes.INVALID_AMOUNT);
		assertThat(ValidRefundRequest.checkAmount(null, "EUR")).as("no amount: the whole remaining balance").isNull();
	}

	@Test
	void reasonIsRequiredTrimmedAndAtMost255() {
		assertThat(ValidRefundRequest.checkReason("  damaged  ")).isEqualTo("damaged");
		assertThat(ValidRefundRequest.checkReason("x".repeat(255))).hasSize(255);
		assertThat(ValidRefundRequest.checkReason("  " + "x".repeat(255) + "  ")).hasSize(255);
		for (String bad : new String[] { null, "", "   ", "\t\n", "x".repeat(256), "bad\u0000byte" }) {
			ProblemException ex = catchThrowableOfType(ProblemException.class, () -> ValidRefundRequest.checkReason(bad));
			assertThat(ex.code()).isEqualTo(RefundCodes.REASON_REQUIRED);
			assertThat(ex.fields()).containsKey("reason");
		}
	}

	@Test
	void idempotencyKeyMissingTooLongOrOddEachHasItsCode() {
		assertThat(ValidRefundRequest.checkKey("k")).isEqualTo("k");
		assertThat(ValidRefundRequest.checkKey("k".repeat(255))).hasSize(255);
		assertThat(code(null)).isEqualTo(RefundCodes.IDEMPOTENCY_KEY_REQUIRED);
		assertThat(code("")).isEqualTo(RefundCodes.IDEMPOTENCY_KEY_REQUIRED);
		assertThat(code("k".repeat(256))).isEqualTo(RefundCodes.IDEMPOTENCY_KEY_TOO_LONG);
		assertThat(code("tab\there")).isEqualTo(RefundCodes.IDEMPOTENCY_KEY_INVALID);
		assertThat(catchThrowableOfType(ProblemException.class, () -> ValidRefundRequest.checkKey(null)).status())
			.isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void theFingerprintIsTheMeaningNotTheSpelling() {
		ValidRefundRequest a = ValidRefundRequest.of("k", "100000000001", Money.parse("12.3", "EUR"), "damaged");
		ValidRefundRequest b = ValidRefundRequest.of("k", "100000000001", Money.parse("12.30", "EUR"), "damaged");
		ValidRefundRequest otherAmount = ValidRefundRequest.of("k", "100000000001", Money.parse("12.31", "EUR"), "damaged");
		ValidRefundRequest whole = ValidRefundRequest.of("k", "100000000001", null, "damaged");
		ValidRefundRequest otherCharge = ValidRefundRequest.of("k", "100000000002", Money.parse("12.30", "EUR"), "damaged");
		ValidRefundRequest otherReason = ValidRefundRequest.of("k", "100000000001", Money.parse("12.30", "EUR"), "late");
		assertThat(a.fingerprint()).isEqualTo(b.fingerprint()).hasSize(64);
		assertThat(a.fingerprint()).isNotIn(otherAmount.fingerprint(), whole.fingerprint(), otherCharge.fingerprint(),
				otherReason.fingerprint());
	}

	private static String code(String key) {
		return catchThrowableOfType(ProblemException.class, () -> ValidRefundRequest.checkKey(key)).code();
	}

}
