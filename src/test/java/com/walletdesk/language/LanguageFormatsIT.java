package com.walletdesk.language;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.money.Money;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Money and dates in the chosen language's conventions, the time zone the store's own; the date
 * fields take the language's pattern (and ISO, for links); the API's problem title and detail
 * in the language of Accept-Language, the code unchanged.
 */
@IntegrationTest
class LanguageFormatsIT {

	/** 2026-11-20 03:00:00 in Lisbon (UTC in winter). */
	static final Instant AT = Instant.parse("2026-11-20T03:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Test
	void theLookupShowsAmountsAndDatesTheLanguagesWayInTheStoresTimeZone() {
		MerchantNode store = this.data.eurStore(this.data.group("formats", null).id());
		String charge = this.data.tx(store).amount(1_234_50).at(AT).save();
		WebSession session = WebSession.signIn(this.port, this.data.merchantUser(store.id(), false), TestData.PASSWORD);
		String lookup = "/stores/" + store.id() + "/transactions";

		String french = session.get(lookup + "?from=20/11/2026&to=20/11/2026&lang=fr").body();
		assertThat(cells(french, charge).get(3)).isEqualTo("20/11/2026 03:00:00 (Europe/Lisbon)");
		assertThat(cells(french, charge).get(4)).isEqualTo(Money.ofMinor(1_234_50, "EUR").format(Locale.FRENCH));
		assertThat(french).contains("value=\"20/11/2026\"").contains("data-date-pattern=\"dd/MM/yyyy\"");

		String chinese = session.get(lookup + "?from=2026/11/20&to=2026/11/20&lang=zh-CN").body();
		assertThat(cells(chinese, charge).get(3)).isEqualTo("2026/11/20 03:00:00 (Europe/Lisbon)");
		assertThat(cells(chinese, charge).get(4)).isEqualTo("€1,234.50");
		assertThat(chinese).contains("data-date-pattern=\"yyyy/MM/dd\"");

		String spanish = session.get(lookup + "?from=2026-11-20&to=2026-11-20&lang=es").body();
		assertThat(cells(spanish, charge).get(4)).as("ISO dates in links work in every language")
			.isEqualTo(Money.ofMinor(1_234_50, "EUR").format(Locale.forLanguageTag("es")));
		assertThat(spanish).contains("value=\"20/11/2026\"");

		// English: ISO dates, and the store's own conventions for money (pt-PT here)
		String english = session.get(lookup + "?from=2026-11-20&to=2026-11-20&lang=en").body();
		assertThat(cells(english, charge).get(3)).isEqualTo("2026-11-20 03:00:00 (Europe/Lisbon)");
		assertThat(cells(english, charge).get(4))
			.isEqualTo(Money.ofMinor(1_234_50, "EUR").format(Locale.forLanguageTag("pt-PT")));

		// a date typed wrong for the language is refused with the language's words
		var refused = session.get(lookup + "?from=31/02/2026&lang=fr");
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("jour/mois/année");
	}

	@Test
	void theConsolesUtcTimesAreWrittenTheLanguagesWay() {
		String operator = this.data.operator();
		WebSession session = WebSession.signIn(this.port, operator, TestData.PASSWORD);
		String users = "/admin/users?q=" + operator;
		Pattern cell = Pattern.compile("<td class=\"nowrap\">([^<]*)</td>");

		Matcher english = cell.matcher(session.get(users + "&lang=en").body());
		assertThat(english.find()).isTrue();
		assertThat(english.group(1)).as("the last sign-in, ISO as always").matches("\\d{4}-\\d{2}-\\d{2}T.*Z");
		Matcher french = cell.matcher(session.get(users + "&lang=fr").body());
		assertThat(french.find()).isTrue();
		assertThat(french.group(1)).matches("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}");
		Matcher chinese = cell.matcher(session.get(users + "&lang=zh-CN").body());
		assertThat(chinese.find()).isTrue();
		assertThat(chinese.group(1)).matches("\\d{4}/\\d{2}/\\d{2} \\d{2}:\\d{2}:\\d{2}");
		assertThat(session.get("/admin/audit?lang=es").body()).containsPattern("<td>\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}:\\d{2}</td>");
	}

	@Test
	void problemTitleAndDetailFollowAcceptLanguageAndTheCodeStays() {
		MerchantNode mine = this.data.eurStore(this.data.group("problems", null).id());
		MerchantNode foreign = this.data.eurStore(this.data.group("problems-foreign", null).id());
		String user = this.data.merchantUser(mine.id(), false);
		String path = "/api/v1/stores/" + foreign.id() + "/transactions";

		var english = WebSession.signIn(this.port, user, TestData.PASSWORD).get(path);
		assertThat(english.status()).isEqualTo(404);
		assertThat(english.code()).isEqualTo("NOT_FOUND");
		assertThat(english.json().get("title").asText()).isEqualTo("Not Found");
		String englishDetail = english.json().get("detail").asText();

		var french = WebSession.signIn(this.port, user, TestData.PASSWORD).header("Accept-Language", "fr-FR,fr;q=0.9").get(path);
		assertThat(french.status()).isEqualTo(404);
		assertThat(french.code()).isEqualTo("NOT_FOUND");
		assertThat(french.json().get("title").asText()).isEqualTo("Introuvable");
		assertThat(french.json().get("detail").asText()).isNotEqualTo(englishDetail)
			.isEqualTo("Nous ne l’avons pas trouvé. Il n’existe peut-être pas, ou il ne fait pas partie de votre compte commerçant.");

		// the API takes ISO dates in every language, and says so
		var badDate = WebSession.signIn(this.port, user, TestData.PASSWORD)
			.header("Accept-Language", "fr")
			.get("/api/v1/stores/" + mine.id() + "/transactions?from=20/11/2026");
		assertThat(badDate.status()).isEqualTo(400);
		assertThat(badDate.code()).isEqualTo("INVALID_DATE");
		assertThat(badDate.json().get("title").asText()).isEqualTo("Requête incorrecte");
		assertThat(badDate.json().get("detail").asText()).contains("2026-11-28");

		// answered by a filter, before any controller: also in the language asked for
		var anonymous = WebSession.anonymous(this.port).header("Accept-Language", "zh-CN").get("/api/v1/me");
		assertThat(anonymous.status()).isEqualTo(401);
		assertThat(anonymous.json().get("title").asText()).isEqualTo("未认证");
		assertThat(anonymous.code()).isEqualTo("UNAUTHENTICATED");
		// the session's or account's language does not change the API's: a script speaks its header
		WebSession pageLanguage = WebSession.signIn(this.port, user, TestData.PASSWORD);
		pageLanguage.get("/?lang=fr");
		assertThat(pageLanguage.get(path).json().get("title").asText()).isEqualTo("Not Found");
	}

	/** The cells of one transaction's row, as text (HTML entities for &amp; and NBSP undone). */
	static List<String> cells(String html, String transactionId) {
		int start = html.indexOf("<tr data-id=\"" + transactionId + "\"");
		assertThat(start).as("a row for " + transactionId).isNotNegative();
		Matcher m = Pattern.compile("<t[hd][^>]*>(.*?)</t[hd]>", Pattern.DOTALL)
			.matcher(html.substring(start, html.indexOf("</tr>", start)));
		List<String> cells = new ArrayList<>();
		while (m.find()) {
			cells.add(m.group(1).replaceAll("<[^>]+>", "").strip().replace("&amp;", "&").replace("&#39;", "'"));
		}
		return cells;
	}

}
