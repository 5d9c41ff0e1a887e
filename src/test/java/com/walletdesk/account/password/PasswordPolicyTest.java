package com.walletdesk.account.password;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import com.walletdesk.web.ProblemException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PasswordPolicyTest {

	private final PasswordPolicy policy = new PasswordPolicy();

	@Test
	void shipsTheThreeThousandMostCommonPasswords() throws IOException {
		try (InputStream in = getClass().getClassLoader().getResourceAsStream(PasswordPolicy.COMMON_PASSWORDS)) {
			String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			long entries = text.lines().filter(line -> !line.isEmpty() && !line.startsWith("#")).count();
			assertThat(entries).isEqualTo(3000);
			assertThat(text.lines().filter(line -> !line.startsWith("#")).findFirst()).contains("123456");
		}
		assertThat(this.policy.commonCount()).isGreaterThan(2800); // about a hundred differ only by case
	}

	@Test
	void needsTwelveCharactersWithALetterAndADigit() {
		assertRefused("Sh0rt-pass1", "must be 12 to 128 characters"); // 11
		assertThatNoException().isThrownBy(() -> this.policy.check("Tall-cactus-7x", "someone"));
		assertRefused("only-letters-here", "must contain at least one letter and one digit");
		assertRefused("1234567890123", "must contain at least one letter and one digit");
	}

	@Test
	void acceptsUpTo128CharactersSoSixtyFourAlwaysFit() {
		String sixtyFour = "a1".repeat(16) + "Zq9-".repeat(8);
		assertThat(sixtyFour).hasSize(64);
		assertThatNoException().isThrownBy(() -> this.policy.check(sixtyFour, "someone"));
		String max = "x7Yq".repeat(32);
		assertThatNoException().isThrownBy(() -> this.policy.check(max, "someone"));
		assertRefused(max + "1", "must be 12 to 128 characters");
	}

	@Test
	void refusesCommonPasswordsAsTheyAreOrDressedInDigitsAndSymbols() {
		assertRefused("winniethepooh1", "is too common");  // listed word + a digit
		assertRefused("Password123456", "is too common"); // "password"
		assertRefused("!!Qwerty2026!!", "is too common"); // "qwerty"
		assertRefused("michelle19901990", "is too common");
		assertThat(this.policy.isCommon("WINNIETHEPOOH")).isTrue();
		assertThatNoException().isThrownBy(() -> this.policy.check("Merchant-Passw0rd-2026", "someone"));
	}

	@Test
	void refusesThePasswordContainingTheUsername() {
		assertRefused("alice.store-2026", "must not contain the username", "alice.store");
	}

	@Property(tries = 500)
	void anyInputIsAcceptedOrRefusedAsWeakNeverAnotherError(@ForAll("anyPassword") String password) {
		try {
			this.policy.check(password, "user-1");
		}
		catch (ProblemException ex) {
			assertThat(ex.code()).isEqualTo("WEAK_PASSWORD");
			assertThat(ex.fields()).containsKey("password");
		}
	}

	@Provide
	Arbitrary<String> anyPassword() {
		return Arbitraries.oneOf(Arbitraries.strings().all().ofMaxLength(300),
				Arbitraries.strings().alpha().numeric().withChars("-_!@ ").ofMinLength(10).ofMaxLength(140),
				Arbitraries.of("", " ", "\u0000", "' OR 1=1 --", "password", "a".repeat(10_000)));
	}

	private void assertRefused(String password, String reason) {
		assertRefused(password, reason, "someone");
	}

	private void assertRefused(String password, String reason, String username) {
		assertThatThrownBy(() -> this.policy.check(password, username)).isInstanceOfSatisfying(ProblemException.class,
				ex -> {
					assertThat(ex.code()).isEqualTo("WEAK_PASSWORD");
					assertThat(ex.fields().get("password")).contains(reason);
				});
	}

}
