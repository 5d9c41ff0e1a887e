package com.walletdesk.savedview;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Saved views through the pages: the listing's "Save view" link, the form (field messages), the
 * list in the user menu and on /views, opening (its listing with the filter; the default week
 * or fixed dates), deleting; and two accounts: another account's view is not found (404),
 * never listed, never deleted.
 */
@IntegrationTest
class SavedViewPagesIT {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Test
	void aMerchantSavesOpensAndDeletesItsViews() {
		MerchantNode group = this.data.group("views-hq", null);
		MerchantNode lisbon = this.data.store("lisbon", group.id(), "Europe/Lisbon", "EUR", "pt-PT");
		this.data.tx(lisbon).at(Instant.parse("2026-09-10T10:00:00Z")).save();
		WebSession me = WebSession.signIn(this.port, this.data.merchantUser(group.id(), false), TestData.PASSWORD);

		// the listing links to the save form with its filter as asked
		String page = me.get("/stores/" + lisbon.id() + "/transactions?from=2026-09-01&to=2026-09-12&q=wechat").body();
		String save = attribute(page, "data-save-view", "href");
		assertThat(save).isEqualTo("/views/new?store=" + lisbon.id() + "&from=2026-09-01&to=2026-09-12&q=wechat");
		String form = me.get(save).body();
		assertThat(form).contains("value=\"FIXED\" checked").contains(lisbon.name()).contains("wechat");
		assertThat(attribute(me.get("/transactions").body(), "data-save-view", "href")).isEqualTo("/views/new");

		// bad input: a message next to the field, the form kept (400)
		WebSession.Response blank = me.formWithCsrf("/views", Map.of("name", "  ", "store", String.valueOf(lisbon.id()),
				"rule", "FIXED", "from", "2026-09-01", "to", "2026-09-12", "q", "wechat"));
		assertThat(blank.status()).isEqualTo(400);
		assertThat(blank.body()).contains("id=\"name-error\"").contains("Give the view a name.");

		WebSession.Response saved = me.formWithCsrf("/views", Map.of("name", "September WeChat", "store",
				String.valueOf(lisbon.id()), "rule", "FIXED", "from", "2026-09-01", "to", "2026-09-12", "q", "wechat"));
		assertThat(saved.status()).isEqualTo(302);
		assertThat(saved.header("Location")).endsWith("/views");
		assertThat(me.formWithCsrf("/views", Map.of("name", "Every store, latest week", "rule", "WEEK")).status()).isEqualTo(302);
		assertThat(me.get("/views").body()).contains("The view &quot;Every store, latest week&quot; is saved.");
		WebSession.Response taken = me.formWithCsrf("/views", Map.of("name", "September WeChat", "rule", "WEEK"));
		assertThat(taken.status()).isEqualTo(400);
		assertThat(taken.body()).contains("You already have a view with this name.");

		String list = me.get("/views").body();
		assertThat(list).doesNotContain("&quot; is saved.").doesNotContain("&quot; is deleted.");
		assertThat(list).contains(lisbon.name()).contains("From 2026-09-01 to 2026-09-12").contains("Latest week with transactions");
		// the user menu of any page lists them, by name
		String menu = me.get("/help").body();
		assertThat(links(menu)).containsSubsequence("Every store, latest week", "September WeChat");

		long fixed = viewId(list, "September WeChat");
		long week = viewId(list, "Every store, latest week");
		WebSession.Response open = me.get("/views/" + fixed);
		assertThat(open.status()).isEqualTo(302);
		assertThat(open.header("Location")).endsWith("/stores/" + lisbon.id() + "/transactions?from=2026-09-01&to=2026-09-12&q=wechat");
		assertThat(me.get("/views/" + week).header("Location")).as("the default week is worked out when opened")
			.endsWith("/transactions");

		// another account: not found, not listed, not deleted
		WebSession other = WebSession.signIn(this.port, this.data.merchantUser(group.id(), false), TestData.PASSWORD);
		assertThat(other.get("/views/" + fixed).status()).isEqualTo(404);
		assertThat(other.formWithCsrf("/views/" + fixed + "/delete", Map.of()).status()).isEqualTo(404);
		assertThat(other.get("/views").body()).doesNotContain("September WeChat").contains("You have no saved views yet.");
		assertThat(links(other.get("/help").body())).doesNotContain("September WeChat");
		// a store outside the account's scope cannot be saved
		MerchantNode foreign = this.data.store("elsewhere", this.data.group("other-hq", null).id(), "Europe/Paris", "EUR", "fr-FR");
		assertThat(me.get("/views/new?store=" + foreign.id()).status()).isEqualTo(404);
		assertThat(me.formWithCsrf("/views", Map.of("name", "x", "store", String.valueOf(foreign.id()), "rule", "WEEK")).status())
			.isEqualTo(404);

		WebSession.Response deleted = me.formWithCsrf("/views/" + fixed + "/delete", Map.of());
		assertThat(deleted.status()).isEqualTo(302);
		assertThat(me.get("/views/" + fixed).status()).isEqualTo(404);
		assertThat(me.get("/views").body()).contains("The view &quot;September WeChat&quot; is deleted.")
			.contains("Every store, latest week");
	}

	private static String attribute(String html, String marker, String name) {
		Matcher m = Pattern.compile("<a[^>]*" + marker + "[^>]*" + name + "=\"([^\"]*)\"").matcher(html);
		assertThat(m.find()).as(marker).isTrue();
		return m.group(1).replace("&amp;", "&");
	}

	private static java.util.List<String> links(String html) {
		java.util.List<String> names = new java.util.ArrayList<>();
		Matcher m = Pattern.compile("<a data-saved-view href=\"[^\"]+\">([^<]*)</a>").matcher(html);
		while (m.find()) {
			names.add(m.group(1));
		}
		return names;
	}

	private static long viewId(String html, String name) {
		Matcher m = Pattern.compile("<a href=\"/views/(\\d+)\">" + Pattern.quote(name) + "</a>").matcher(html);
		assertThat(m.find()).as(name).isTrue();
		return Long.parseLong(m.group(1));
	}

}
