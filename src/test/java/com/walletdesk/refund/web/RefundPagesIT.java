package com.walletdesk.refund.web;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.walletdesk.refund.RefundFixture;
import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.money.Money;
import com.walletdesk.refund.RefundCheckpoints;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import com.walletdesk.sandbox.SandboxBehaviour;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The refund parts of Transaction Lookup over real HTTP, as htmx calls them: who gets a Refund
 * button and where, the quiet line for the others, the Confirm Refund dialog in the store's
 * locale, the banners, every refusal in words, one refund per dialog key, and a charge's refunds.
 */
@IntegrationTest
class RefundPagesIT extends RefundFixture {

	/** Noon in China (04:00 UTC, 04:00 in Lisbon in November): the test stays on one China day. */
	static final Instant NOON_CHINA = Instant.parse("2026-11-20T04:00:00Z");

	static final Locale PT = Locale.forLanguageTag("pt-PT");

	static final String DAILY_BALANCE = "Refund amount is greater than today's overall payment.";

	MerchantNode group;

	MerchantNode store;

	String refunder;

	RefundPages pages;

	@BeforeEach
	void setUp() {
		this.clock.set(NOON_CHINA);
		this.group = this.data.group("refund-pages", null);
		this.store = this.data.eurStore(this.group.id());
		this.refunder = this.data.merchantUser(this.store.id(), true);
		this.pages = pages(this.refunder);
	}

	RefundPages pages(String username) {
		WebSession session = WebSession.signIn(this.port, username, TestData.PASSWORD);
		// one request on the new session before any concurrent ones (STACK.md pitfall)
		assertThat(session.get("/api/v1/me").status()).isEqualTo(200);
		return new RefundPages(this.port, session);
	}

	/** A charge an hour before noon in China: today's sales, so the daily balance allows it. */
	String charge(long amount) {
		return this.data.tx(this.store).amount(amount).at(NOON_CHINA.minusSeconds(3600)).save();
	}

	String lookup(RefundPages pages) {
		return pages.session().get("/stores/" + this.store.id() + "/transactions").body();
	}

	static String eur(long minor) {
		return Money.ofMinor(minor, "EUR").format(PT);
	}

	@Test
	void theRefundButtonIsForPrivilegedAccountsChargesWithSomethingLeftAndTransactionLookupOnly() {
		String open = charge(10_00);
		String partly = charge(20_00);
		String appRefund = this.data.tx(this.store).refundOf(partly).amount(5_00).at(NOON_CHINA.minusSeconds(60)).save();
		String spent = charge(7_00);
		String spentRefund = this.data.tx(this.store).refundOf(spent).amount(7_00).at(NOON_CHINA.minusSeconds(30)).save();

		String html = lookup(this.pages);
		assertThat(RefundPages.rowIds(html)).contains(open, partly, appRefund, spent, spentRefund);
		assertThat(RefundPages.refundButtons(html)).as("charges with something left").containsExactlyInAnyOrder(open, partly);
		assertThat(RefundPages.cells(html, open).get(5)).isEqualTo("Refund");
		assertThat(RefundPages.cells(html, spent).get(5)).as("nothing left: no button, its refunds").isEqualTo("Refunds");
		assertThat(RefundPages.cells(html, appRefund).get(5)).as("a refund row").isEmpty();
		assertThat(RefundPages.refundsLinks(html)).containsExactlyInAnyOrder(partly, spent);
		assertThat(html).as("no quiet line for a refunder").doesNotContain("id=\"refunds-off\"");
		// the results fragment (search as you type, paging, refresh after a refund) has them too
		String fragment = this.pages.session().getHtmx("/stores/" + this.store.id() + "/transactions").body();
		assertThat(RefundPages.refundButtons(fragment)).containsExactlyInAnyOrder(open, partly);

		// All Transactions Search: never a button; each charge with something left links to its store's Lookup
		RefundPages hq = pages(this.data.merchantUser(this.group.id(), true));
		String search = hq.session().get("/transactions?from=2026-11-20&to=2026-11-20").body();
		assertThat(RefundPages.rowIds(search)).contains(open, partly, spent);
		assertThat(RefundPages.refundButtons(search)).isEmpty();
		Map<String, String> links = RefundPages.inStoreLinks(search);
		assertThat(links.keySet()).containsExactlyInAnyOrder(open, partly);
		assertThat(links.get(open))
			.isEqualTo("/stores/" + this.store.id() + "/transactions?from=2026-11-20&to=2026-11-20&q=" + open);
		// where the link leads, the charge is found and can be refunded
		String there = hq.session().get(links.get(open)).body();
		assertThat(RefundPages.rowIds(there)).containsExactly(open);
		assertThat(RefundPages.refundButtons(there)).containsExactly(open);
	}

	@Test
	void withoutThePrivilegeThereIsNoButtonAndAQuietLineSaysWhyOnceAndWhomToContact() {
		String open = charge(10_00);
		RefundPages viewer = pages(this.data.merchantUser(this.store.id(), false));

		String html = lookup(viewer);
		assertThat(RefundPages.rowIds(html)).contains(open);
		assertThat(RefundPages.refundButtons(html)).isEmpty();
		assertThat(RefundPages.count(html, "id=\"refunds-off\"")).isEqualTo(1);
		String line = RefundPages.text(html.replaceAll("(?s).*(<p id=\"refunds-off\".*?</p>).*", "$1"));
		assertThat(line).isEqualTo("Refunds are not enabled for this account, so there is no Refund button. "
				+ "To have them enabled, contact Walletdesk merchant support: support@walletdesk.example, "
				+ "+351 210 000 000, open Mon-Fri 09:00-18:00 (Europe/Lisbon). Why?");
		assertThat(html).contains("href=\"mailto:support@walletdesk.example\"").contains("href=\"tel:+351210000000\"")
			.contains("href=\"/help#no-refund-button\"");
		// the results fragment does not repeat it
		String fragment = viewer.session().getHtmx("/stores/" + this.store.id() + "/transactions").body();
		assertThat(fragment).doesNotContain("refunds-off");
		// and in Portuguese
		String pt = viewer.get("/stores/" + this.store.id() + "/transactions", "pt-PT").body();
		assertThat(pt).contains("Os reembolsos não estão ativos para esta conta");
		// nor in All Transactions Search, which never has the button and has no link to refund either
		String search = viewer.session().get("/transactions?from=2026-11-20&to=2026-11-20").body();
		assertThat(search).doesNotContain("refunds-off");
		assertThat(RefundPages.inStoreLinks(search)).isEmpty();

		// and a stale or forged request is refused in words by the service: 403 REFUND_NOT_PERMITTED
		var dialog = viewer.dialog(open);
		assertThat(dialog.status()).isEqualTo(403);
		assertThat(dialog.header("Walletdesk-Swap")).isEqualTo("refusal");
		assertThat(RefundPages.refusal(dialog.body())).isEqualTo("Refund not made. Your account may not make refunds. "
				+ "Ask your merchant administrator to grant you the refund privilege.");
		var post = viewer.confirm(open, "10,00", "customer asked", "key-" + open);
		assertThat(post.status()).isEqualTo(403);
		assertThat(RefundPages.refusalCode(post.body())).isEqualTo("REFUND_NOT_PERMITTED");
		assertThat(RefundPages.refundButtons(post.body())).isEmpty();
		assertThat(refundRows(open)).isZero();
	}

	@Test
	void theDialogShowsTheChargeAndTheWholeRemainingBalanceInTheStoresCurrencyAndLocale() {
		String charge = this.data.tx(this.store).amount(1_234_50).at(NOON_CHINA.minusSeconds(3600)).payByLink("INV-9").save();
		this.data.tx(this.store).refundOf(charge).amount(25).at(NOON_CHINA.minusSeconds(60)).save();

		var dialog = this.pages.dialog(charge);

		assertThat(dialog.status()).isEqualTo(200);
		String html = dialog.body();
		assertThat(html.strip()).startsWith("<dialog id=\"refund-dialog\"").doesNotContain("<html");
		assertThat(html).contains("Confirm Refund");
		assertThat(RefundPages.fact(html, "id")).isEqualTo(charge);
		assertThat(RefundPages.fact(html, "reference")).isEqualTo("INV-9");
		assertThat(RefundPages.fact(html, "dateTime")).isEqualTo("2026-11-20 03:00:00 (Europe/Lisbon)");
		assertThat(RefundPages.fact(html, "remaining")).isEqualTo(eur(1_234_25)).isEqualTo("1\u00a0234,25\u00a0€");
		assertThat(RefundPages.amountField(html)).as("the whole remaining balance, pt-PT").isEqualTo("1234,25");
		assertThat(html).contains("Refund Amount (EUR)").contains(">Reason<").contains(">Confirm<").contains(">Cancel<")
			.contains("Transaction ID").contains("Reference").contains("Date/Time").contains("Remain Balance");
		assertThat(html).contains("autofocus").contains("data-dialog-close").contains("hx-disabled-elt");
		// each dialog has its own key, made by the server
		String key = RefundPages.key(html);
		assertThat(key).isNotBlank();
		assertThat(RefundPages.key(this.pages.dialog(charge).body())).isNotBlank().isNotEqualTo(key);

		// yen: no decimals, in the store's own locale
		MerchantNode tokyo = this.data.store("ginza", this.group.id(), "Asia/Tokyo", "JPY", "ja-JP");
		RefundPages yen = pages(this.data.merchantUser(tokyo.id(), true));
		String yenCharge = this.data.tx(tokyo).amount(12_000).at(NOON_CHINA.minusSeconds(3600)).save();
		String yenDialog = yen.dialog(yenCharge).body();
		assertThat(RefundPages.amountField(yenDialog)).isEqualTo("12000");
		assertThat(RefundPages.fact(yenDialog, "remaining")).isEqualTo(Money.ofMinor(12_000, "JPY").format(Locale.JAPAN))
			.contains("12,000").doesNotContain(".");
		assertThat(RefundPages.fact(yenDialog, "dateTime")).isEqualTo("2026-11-20 12:00:00 (Asia/Tokyo)");
		assertThat(yenDialog).contains("Refund Amount (JPY)");
		// a partial refund of yen typed with the locale's grouping
		var refunded = yen.confirm(yenCharge, "1,500", "one item returned", RefundPages.key(yenDialog));
		assertThat(refunded.status()).as(refunded.toString()).isEqualTo(200);
		assertThat(RefundPages.banner(refunded.body())).contains("Refund Successful")
			.contains(Money.ofMinor(1_500, "JPY").format(Locale.JAPAN))
			.contains("Remaining: " + Money.ofMinor(10_500, "JPY").format(Locale.JAPAN));

		// the plain page without htmx (a link opened in a new tab) shows the same dialog in the layout
		var page = this.pages.session().get("/transactions/" + charge + "/refund");
		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<html").contains("Confirm Refund").contains("id=\"refund-form\"");
	}

	@Test
	void aPartialThenAFullRefundShowTheBannerTheNewRowsAndTheRemainingUntilTheButtonGoes() {
		String charge = charge(10_00);

		var first = this.pages.refund(charge, "3,50", "one item returned");

		assertThat(first.status()).as(first.toString()).isEqualTo(200);
		assertThat(first.header("HX-Retarget")).isEqualTo("#refund-outcome");
		assertThat(first.header("HX-Reswap")).isEqualTo("innerHTML");
		assertThat(first.header("HX-Trigger-After-Settle")).isEqualTo("refund-succeeded, transactions-changed");
		String banner = RefundPages.banner(first.body());
		assertThat(banner).startsWith("Refund Successful " + eur(3_50) + " refunded from transaction " + charge
				+ ". Remaining: " + eur(6_50) + ". The refund is transaction ");
		assertThat(first.body()).contains("data-outcome=\"succeeded\"").contains("role=\"status\"");
		String refundTransaction = banner.replaceAll(".*The refund is transaction (\\d{12}).*", "$1");

		String html = lookup(this.pages);
		assertThat(RefundPages.rowIds(html)).startsWith(refundTransaction).contains(charge);
		List<String> row = RefundPages.cells(html, refundTransaction);
		assertThat(row.subList(2, 4)).containsExactly(refundTransaction, "2026-11-20 04:00:00 (Europe/Lisbon)");
		assertThat(row.get(7)).isEqualTo("Refund (dashboard)");
		assertThat(row.get(12)).as("Parent Transaction ID").isEqualTo(charge);
		assertThat(row.get(4)).isEqualTo(eur(3_50));
		assertThat(RefundPages.cells(html, charge).get(6)).as("Remaining").isEqualTo(eur(6_50));
		assertThat(RefundPages.refundButtons(html)).contains(charge);
		assertThat(RefundPages.refundsLinks(html)).contains(charge);

		var second = this.pages.refund(charge, "6,50", "the rest returned");
		assertThat(second.status()).as(second.toString()).isEqualTo(200);
		assertThat(RefundPages.banner(second.body())).contains("Remaining: " + eur(0));

		html = lookup(this.pages);
		assertThat(RefundPages.cells(html, charge).get(6)).isEqualTo(eur(0));
		assertThat(RefundPages.refundButtons(html)).as("nothing left: the button goes").doesNotContain(charge);
		assertThat(this.sandbox.appliedTotal(charge)).isEqualTo(10_00);
		// the page went through the refund service: the same audit as the API
		assertThat(this.jdbc.sql("SELECT outcome FROM audit_event WHERE type = 'REFUND' AND resource = :r ORDER BY id")
			.param("r", "transaction:" + charge).query(String.class).list()).containsExactly("SUCCEEDED", "SUCCEEDED");

		// once nothing is left, a dialog is refused in words, with only Close
		var late = this.pages.dialog(charge);
		assertThat(late.status()).isEqualTo(422);
		assertThat(RefundPages.refusalCode(late.body())).isEqualTo("NOT_REFUNDABLE");
		assertThat(late.body()).doesNotContain("id=\"refund-form\"").contains("data-dialog-close");
	}

	@Test
	void doubleSubmittingOneDialogRefundsOnce() throws Exception {
		String charge = charge(50_00);
		String key = RefundPages.key(this.pages.dialog(charge).body());

		var first = this.pages.confirm(charge, "20,00", "double click", key);
		var again = this.pages.confirm(charge, "20,00", "double click", key);

		assertThat(first.status()).isEqualTo(200);
		assertThat(again.status()).isEqualTo(200);
		assertThat(RefundPages.banner(again.body())).contains("Refund Successful")
			.contains("This confirmation had already been sent: the refund was made once, not twice.");
		assertThat(refundRows(charge)).isOne();

		// a double click: both posts at once with the dialog's key
		String other = charge(50_00);
		String otherKey = RefundPages.key(this.pages.dialog(other).body());
		ExecutorService threads = Executors.newFixedThreadPool(4);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<WebSession.Response>> answers = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				answers.add(threads.submit(() -> {
					start.await();
					return this.pages.confirm(other, "12,50", "double click", otherKey);
				}));
			}
			start.countDown();
			for (Future<WebSession.Response> answer : answers) {
				WebSession.Response response = answer.get(30, TimeUnit.SECONDS);
				assertThat(response.status()).as(response.toString()).isIn(200, 409);
				if (response.status() == 409) {
					assertThat(RefundPages.refusalCode(response.body())).isEqualTo("REQUEST_IN_PROGRESS");
					assertThat(RefundPages.key(response.body())).as("kept, so trying again replays").isEqualTo(otherKey);
				}
			}
		}
		finally {
			threads.shutdownNow();
		}
		assertThat(refundRows(other)).isOne();
		assertThat(this.sandbox.appliedTotal(other)).isEqualTo(12_50);
		assertThat(RefundPages.cells(lookup(this.pages), other).get(6)).isEqualTo(eur(37_50));
	}

	@Test
	void aSecondSubmitWhileTheFirstIsStillRunningIsToldToWait() throws Exception {
		String charge = charge(30_00);
		this.sandbox.setForStore(this.store.id(), SandboxBehaviour.slow(Duration.ofMillis(1500)));
		String key = RefundPages.key(this.pages.dialog(charge).body());

		CompletableFuture<WebSession.Response> first = CompletableFuture
			.supplyAsync(() -> this.pages.confirm(charge, "30,00", "slow wallet", key));
		long deadline = System.currentTimeMillis() + 10_000;
		while (refundRows(charge) == 0 && System.currentTimeMillis() < deadline) {
			Thread.sleep(20);
		}
		var second = this.pages.confirm(charge, "30,00", "slow wallet", key);

		assertThat(second.status()).isEqualTo(409);
		assertThat(RefundPages.refusal(second.body())).isEqualTo("Refund not confirmed yet. This refund is still being processed. "
				+ "Wait a moment, then look at the transaction again.");
		assertThat(RefundPages.key(second.body())).isEqualTo(key);
		assertThat(first.get(30, TimeUnit.SECONDS).status()).isEqualTo(200);
		assertThat(refundRows(charge)).isOne();
		// sent again after the answer: the first answer again, nothing more refunded
		assertThat(RefundPages.banner(this.pages.confirm(charge, "30,00", "slow wallet", key).body()))
			.contains("Refund Successful").contains("made once, not twice");
		assertThat(this.sandbox.appliedTotal(charge)).isEqualTo(30_00);
	}

	@Test
	void eachRefusalIsToldInItsOwnWordsWithWhatWasTyped() {
		String charge = charge(10_00);

		expect(this.pages.refund(charge, "abc", "why not"), 422, "INVALID_AMOUNT",
				"Enter an amount greater than zero, with no more decimals than the currency has (for example 12.34, or 1200 for yen).");
		var notANumber = this.pages.refund(charge, "abc", "why not");
		assertThat(RefundPages.amountField(notANumber.body())).as("kept as typed").isEqualTo("abc");
		assertThat(RefundPages.reasonField(notANumber.body())).isEqualTo("why not");
		assertThat(notANumber.body()).containsPattern("id=\"refund-amount\"[^>]*aria-invalid=\"true\"");
		expect(this.pages.refund(charge, "0,00", "why not"), 422, "INVALID_AMOUNT", null);
		expect(this.pages.refund(charge, "-1,00", "why not"), 422, "INVALID_AMOUNT", null);
		expect(this.pages.refund(charge, "1,234", "three decimals in pt-PT"), 422, "INVALID_AMOUNT", null);
		expect(this.pages.refund(charge, "", "nothing typed"), 422, "INVALID_AMOUNT", null);
		var noReason = this.pages.refund(charge, "1,00", "   ");
		expect(noReason, 422, "REASON_REQUIRED", "Please give a reason for the refund (up to 255 characters).");
		assertThat(noReason.body()).containsPattern("id=\"refund-reason\"[^>]*aria-invalid=\"true\"");
		expect(this.pages.refund(charge, "1,00", "x".repeat(256)), 422, "REASON_REQUIRED", null);
		expect(this.pages.refund(charge, "10,01", "too much"), 422, "REFUND_EXCEEDS_REMAINING",
				"The refund amount is greater than the remaining balance of this transaction.");
		expect(this.pages.confirm(charge, "1,00", "no key", null), 400, "IDEMPOTENCY_KEY_REQUIRED",
				"The refund request was incomplete. Reload the page and try again.");

		expect(this.pages.confirm(charge, "1,00", "long key", "k".repeat(256)), 400, "IDEMPOTENCY_KEY_TOO_LONG",
				"The refund request was not valid. Reload the page and try again.");
		expect(this.pages.confirm(charge, "1,00", "odd key", "chave-é"), 400, "IDEMPOTENCY_KEY_INVALID", null);

		// the wallet's own words
		this.sandbox.setForStore(this.store.id(), SandboxBehaviour.decline("Merchant account frozen by the wallet"));
		String declinedKey = RefundPages.key(this.pages.dialog(charge).body());
		var declined = this.pages.confirm(charge, "2,00", "declined", declinedKey);
		expect(declined, 422, "PROVIDER_DECLINED", "The wallet declined the refund: Merchant account frozen by the wallet");
		assertThat(RefundPages.key(declined.body())).as("a new attempt gets a new key").isNotEqualTo(declinedKey);
		// the same key for another request is refused too
		expect(this.pages.confirm(charge, "3,00", "other", declinedKey), 422, "IDEMPOTENCY_KEY_REUSED",
				"This confirmation was already used for a different refund. Close the dialog and open it again.");

		// no answer from the wallet: pending, said in words, amount reserved
		this.sandbox.setForStore(this.store.id(), SandboxBehaviour.timeOut());
		var pending = this.pages.refund(charge, "4,00", "wallet silent");
		assertThat(pending.status()).isEqualTo(200);
		assertThat(pending.body()).contains("data-outcome=\"pending\"");
		assertThat(RefundPages.banner(pending.body())).isEqualTo("Refund accepted It is being confirmed with the wallet: "
				+ "the amount stays reserved until the wallet answers, usually within a few minutes. " + eur(4_00)
				+ " of transaction " + charge + ". Remaining: " + eur(6_00) + ".");
		assertThat(RefundPages.cells(lookup(this.pages), charge).get(6)).isEqualTo(eur(6_00));

		// nothing changed by any refusal: one pending refund, one declined, nothing else
		assertThat(refundRows(charge)).isEqualTo(2);
		assertThat(this.sandbox.appliedTotal(charge)).isZero();
	}

	@Test
	void anUnexpectedFailureIsToldInWordsAndTryingAgainCannotRefundTwice() {
		String charge = charge(10_00);
		String key = RefundPages.key(this.pages.dialog(charge).body());
		// the process "dies" after the amount was reserved, before the wallet is asked
		this.checkpoints.crashOnceAt(RefundCheckpoints.Step.AFTER_RESERVATION);

		var failed = this.pages.confirm(charge, "4,00", "crash", key);

		assertThat(failed.status()).isEqualTo(500);
		assertThat(failed.header("Walletdesk-Swap")).isEqualTo("refusal");
		assertThat(RefundPages.refusal(failed.body())).isEqualTo("Refund not confirmed yet. Something went wrong on our side. "
				+ "The refund may still be completed: look at the transaction again in a few minutes before trying again.");
		assertThat(failed.body()).doesNotContain("Exception").doesNotContain("<html");
		assertThat(RefundPages.key(failed.body())).as("the same key: trying again replays, never refunds twice")
			.isEqualTo(key);
		expect(this.pages.confirm(charge, "4,00", "crash", key), 409, "REQUEST_IN_PROGRESS", null);
		assertThat(refundRows(charge)).isOne();
	}

	@Test
	void theDailyBalanceRefusalExplainsTheChinaDayAndWhenItStartsAgain() {
		// yesterday's sale (China day) only: today's balance is nothing
		String yesterday = this.data.tx(this.store).amount(40_00).at(NOON_CHINA.minus(Duration.ofHours(13))).save();

		var refused = this.pages.refund(yesterday, "5,00", "late return");

		expect(refused, 422, "DAILY_BALANCE_EXCEEDED", "Refund amount is greater than today's overall payment. "
				+ "Today's balance is this store's sales since 00:00 China time (Asia/Shanghai) minus today's refunds, "
				+ "and it starts again from zero at 00:00 China time. "
				+ "In this store's time, the next 00:00 China time is 2026-11-20 16:00 (Europe/Lisbon).");
		assertThat(RefundPages.refusal(refused.body())).contains(DAILY_BALANCE);
		assertThat(RefundPages.amountField(refused.body())).isEqualTo("5,00");

		// with today's sales of 5,00 it passes, up to them
		charge(5_00);
		expect(this.pages.refund(yesterday, "5,01", "late return"), 422, "DAILY_BALANCE_EXCEEDED", null);
		assertThat(this.pages.refund(yesterday, "5,00", "late return").status()).isEqualTo(200);

		// in Portuguese
		var pt = this.pages.post("/transactions/" + yesterday + "/refund",
				Map.of("amount", "1,00", "reason", "x", "idempotencyKey", "pt-" + yesterday), true, "pt-PT");
		assertThat(RefundPages.refusal(pt.body())).startsWith(
				"Reembolso não efetuado. O valor do reembolso é superior ao total de pagamentos de hoje.");
	}

	@Test
	void outsideTheScopeIsNotFoundInWordsNeverAServerError() {
		MerchantNode foreignStore = this.data.eurStore(this.data.group("other", null).id());
		String foreign = this.data.tx(foreignStore).amount(10_00).at(NOON_CHINA.minusSeconds(3600)).save();

		for (String id : List.of(foreign, "999999999999", "abc")) {
			var dialog = this.pages.dialog(id);
			assertThat(dialog.status()).as(id).isEqualTo(404);
			assertThat(RefundPages.refusal(dialog.body())).isEqualTo("Refund not made. We could not find that transaction. "
					+ "It may not exist, or it is not part of your merchant account.");
			var post = this.pages.confirm(id, "1,00", "not mine", "key-" + id);
			assertThat(post.status()).as(id).isEqualTo(404);
			assertThat(RefundPages.refusalCode(post.body())).isEqualTo("NOT_FOUND");
			assertThat(post.body()).doesNotContain(foreignStore.name()).doesNotContain("id=\"refund-form\"");
			var list = this.pages.refunds(id);
			assertThat(list.status()).isEqualTo(404);
			assertThat(RefundPages.refusalCode(list.body())).isEqualTo("NOT_FOUND");
			// a read refuses nothing: no "Refund not made" (issue 15, pages)
			assertThat(RefundPages.refusal(list.body())).as(id).startsWith("These refunds cannot be shown. We could not find")
				.doesNotContain("Refund not made");
			var page = this.pages.session().get("/transactions/" + id + "/refunds");
			assertThat(page.status()).as(id).isEqualTo(404);
			assertThat(page.body()).as(id).contains("<title>Not found</title>").contains("We could not find that.")
				.doesNotContain("Refund not made");
		}
		assertThat(refundRows(foreign)).isZero();

		// a refund row is not refundable
		String charge = charge(10_00);
		String refundRow = this.data.tx(this.store).refundOf(charge).amount(1_00).at(NOON_CHINA.minusSeconds(10)).save();
		expect(this.pages.dialog(refundRow), 422, "NOT_REFUNDABLE",
				"This transaction cannot be refunded: it is not a charge, or nothing of it remains to refund.");
		expect(this.pages.confirm(refundRow, "1,00", "refund of a refund", "key-" + refundRow), 422, "NOT_REFUNDABLE", null);
	}

	@Test
	void aChargesRefundsShowAmountReasonWhoWhenAndStatus() {
		String charge = charge(10_00);
		assertThat(this.pages.refund(charge, "2,50", "scratched box").status()).isEqualTo(200);
		this.clock.set(NOON_CHINA.plusSeconds(90));
		this.sandbox.setForStore(this.store.id(), SandboxBehaviour.decline("Refund window closed"));
		assertThat(this.pages.refund(charge, "1,00", "late second thoughts").status()).isEqualTo(422);

		var list = this.pages.refunds(charge);

		assertThat(list.status()).isEqualTo(200);
		assertThat(list.body().strip()).startsWith("<dialog id=\"refunds-dialog\"");
		assertThat(list.body()).contains("Refunds of transaction " + charge);
		List<List<String>> lines = RefundPages.refundLines(list.body());
		assertThat(lines).hasSize(2);
		assertThat(lines.get(0).subList(0, 5)).containsExactly("2026-11-20 04:00:00 (Europe/Lisbon)", eur(2_50),
				"scratched box", this.refunder, "Refunded");
		assertThat(lines.get(0).get(5)).matches("\\d{12}");
		assertThat(lines.get(1)).containsExactly("2026-11-20 04:01:30 (Europe/Lisbon)", eur(1_00), "late second thoughts",
				this.refunder, "Declined by the wallet (the wallet said: Refund window closed)", "");

		// someone without the privilege may still read them; a charge without dashboard refunds says so
		RefundPages viewer = pages(this.data.merchantUser(this.store.id(), false));
		assertThat(RefundPages.refundLines(viewer.refunds(charge).body())).hasSize(2);
		String untouched = charge(1_00);
		assertThat(this.pages.refunds(untouched).body()).contains("No refunds of this transaction were made in the dashboard.");
		// and as a page of its own without htmx
		var page = this.pages.session().get("/transactions/" + charge + "/refunds");
		assertThat(page.body()).contains("<html").contains("scratched box").contains("Back to Transaction Lookup");
	}

	@Test
	void withoutHtmxTheConfirmationIsAPageWithTheBanner() {
		String charge = charge(10_00);
		String key = RefundPages.key(this.pages.session().get("/transactions/" + charge + "/refund").body());

		var page = this.pages.post("/transactions/" + charge + "/refund",
				Map.of("amount", "10,00", "reason", "no scripts", "idempotencyKey", key), false);

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).contains("<html").contains("Refund Successful").contains("Back to Transaction Lookup");
		assertThat(page.header("HX-Retarget")).isEmpty();
		assertThat(refundRows(charge)).isOne();
	}

	private static void expect(WebSession.Response response, int status, String code, String message) {
		assertThat(response.status()).as(response.toString()).isEqualTo(status);
		assertThat(response.header("Walletdesk-Swap")).isEqualTo("refusal");
		assertThat(RefundPages.refusalCode(response.body())).as(response.toString()).isEqualTo(code);
		assertThat(response.body()).doesNotContain("Exception").doesNotContain("<html");
		if (message != null) {
			assertThat(RefundPages.refusal(response.body())).isEqualTo("Refund not made. " + message);
		}
	}

	private long refundRows(String chargeId) {
		return this.jdbc.sql("SELECT COUNT(*) FROM refund WHERE charge_id = :id")
			.param("id", chargeId)
			.query(Long.class)
			.single();
	}

}
