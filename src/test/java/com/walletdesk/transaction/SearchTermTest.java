package com.walletdesk.transaction;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class SearchTermTest {

	@Test
	void nothingToSearchIsNone() {
		assertThat(SearchTerm.parse(null).kind()).isEqualTo(SearchTerm.Kind.NONE);
		assertThat(SearchTerm.parse("").isEmpty()).isTrue();
		assertThat(SearchTerm.parse("  \t ").kind()).isEqualTo(SearchTerm.Kind.NONE);
	}

	@ParameterizedTest
	@ValueSource(strings = { "alipay", "ALIPAY", " Alipay ", "alp", "ALP" })
	void alipayWordsMeanMethodAlp(String q) {
		assertThat(SearchTerm.parse(q)).isEqualTo(new SearchTerm(SearchTerm.Kind.METHOD, "ALP"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "wechat", "WeChat", "wechat pay", "WeChat Pay", "wechat   pay", "WXP", "wxp" })
	void wechatWordsMeanMethodWxp(String q) {
		assertThat(SearchTerm.parse(q)).isEqualTo(new SearchTerm(SearchTerm.Kind.METHOD, "WXP"));
	}

	@ParameterizedTest
	@ValueSource(strings = { "Pay By Link", "pay  by link", "PBL", "paybylink" })
	void payByLinkWordsMeanTheChannel(String q) {
		assertThat(SearchTerm.parse(q)).isEqualTo(new SearchTerm(SearchTerm.Kind.CHANNEL, "PAY_BY_LINK"));
		assertThat(SearchTerm.parse("app")).isEqualTo(new SearchTerm(SearchTerm.Kind.CHANNEL, "APP"));
	}

	@Test
	void typeWords() {
		assertThat(SearchTerm.parse("charge").kind()).isEqualTo(SearchTerm.Kind.CHARGES);
		assertThat(SearchTerm.parse("CHARGE").kind()).isEqualTo(SearchTerm.Kind.CHARGES);
		assertThat(SearchTerm.parse("refund").kind()).isEqualTo(SearchTerm.Kind.REFUNDS);
		assertThat(SearchTerm.parse("Refund").kind()).isEqualTo(SearchTerm.Kind.REFUNDS);
	}

	@Test
	void digitsArePrefixesOfTransactionIdsAsARangeOfTheKey() {
		SearchTerm term = SearchTerm.parse(" 2800240 ");
		assertThat(term.kind()).isEqualTo(SearchTerm.Kind.PREFIX);
		assertThat(term.couldBeTransactionId()).isTrue();
		assertThat(term.idLow()).isEqualTo("280024000000");
		assertThat(term.idHigh()).isEqualTo("280024099999");
		assertThat(SearchTerm.parse("280024065451").idLow()).isEqualTo("280024065451");
		assertThat(SearchTerm.parse("2800240654510").couldBeTransactionId()).as("13 digits").isFalse();
	}

	@Test
	void anythingElseIsALowerCaseReferencePrefix() {
		SearchTerm term = SearchTerm.parse("PBL-2026-000123");
		assertThat(term.kind()).isEqualTo(SearchTerm.Kind.PREFIX);
		assertThat(term.value()).isEqualTo("pbl-2026-000123");
		assertThat(term.couldBeTransactionId()).isFalse();
		assertThat(term.likePrefix()).isEqualTo("pbl-2026-000123%");
		assertThat(SearchTerm.parse("alipay2").kind()).as("only whole words are keywords").isEqualTo(SearchTerm.Kind.PREFIX);
	}

	@Test
	void percentAndUnderscoreAreLiteral() {
		assertThat(SearchTerm.parse("50%_off").likePrefix()).isEqualTo("50!%!_off%");
		assertThat(SearchTerm.parse("a!b").likePrefix()).as("the escape character itself").isEqualTo("a!!b%");
		assertThat(SearchTerm.parse("%").likePrefix()).isEqualTo("!%%");
	}

}
