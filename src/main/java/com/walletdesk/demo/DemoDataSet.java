package com.walletdesk.demo;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import com.walletdesk.account.AccountService;
import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService;
import com.walletdesk.merchant.MerchantService.MerchantChange;
import com.walletdesk.merchant.MerchantService.NewMerchant;
import com.walletdesk.transaction.TransactionRow;
import com.walletdesk.transaction.TransactionService;

import org.springframework.stereotype.Component;

/**
 * The demo data set: two merchant groups in Europe (EUR) and Japan (JPY), one with its license
 * switched off, and about 27,000 Alipay and WeChat Pay transactions over the 90 days ending
 * today. Seeded, so the same day gives the same data. One store went quiet weeks ago (the
 * default period then shows its last busy week) and one has no transactions yet.
 */
@Component
class DemoDataSet {

	static final long SEED = 20_261_128L;

	static final int DAYS = 90;

	private static final ZoneId LISBON = ZoneId.of("Europe/Lisbon");

	private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

	private static final ZoneId TOKYO = ZoneId.of("Asia/Tokyo");

	private static final ZoneId LONDON = ZoneId.of("Europe/London");

	private static final String[] CARD_BINS = { "622848", "621700", "625807", "436742", "512345" };

	private final MerchantService merchants;

	private final AccountService accounts;

	private final TransactionService transactions;

	private final Clock clock;

	DemoDataSet(MerchantService merchants, AccountService accounts, TransactionService transactions, Clock clock) {
		this.merchants = merchants;
		this.accounts = accounts;
		this.transactions = transactions;
		this.clock = clock;
	}

	/** What was loaded. */
	record Loaded(int merchants, int accounts, int transactions, int refunds) {
	}

	/** A store and how busy it is: transactions per day, typical amount (minor units), quiet days at the end. */
	private record Plan(MerchantNode store, String code, int perDay, long typicalMinor, int quietDays, String pblGroup) {
	}

	Loaded load() {
		MerchantNode lusitano = group("Lusitano Retail Group", null, "Lisboa, Portugal");
		MerchantNode headquarters = group("Lusitano Headquarters", lusitano.id(), "Avenida da Liberdade 110, Lisboa");
		MerchantNode chiado = store("Lusitano Chiado", headquarters, "Rua Garrett 45, Lisboa", LISBON, "EUR", "pt-PT");
		MerchantNode porto = store("Lusitano Porto Ribeira", headquarters, "Cais da Ribeira 22, Porto", LISBON, "EUR", "pt-PT");
		MerchantNode paris = store("Lusitano Paris Marais", headquarters, "Rue des Francs-Bourgeois 12, Paris", PARIS, "EUR",
				"pt-PT");
		MerchantNode faro = store("Lusitano Faro Marina (seasonal)", headquarters, "Marina de Faro, Faro", LISBON, "EUR",
				"pt-PT");
		store("Lusitano Braga (opening soon)", headquarters, "Rua do Souto 3, Braga", LISBON, "EUR", "pt-PT");
		MerchantNode sakura = group("Sakura Trading", null, "Tokyo, Japan");
		MerchantNode ginza = store("Sakura Ginza Flagship", sakura, "Ginza 4-6-16, Chuo-ku, Tokyo", TOKYO, "JPY", "ja-JP");
		MerchantNode namba = store("Sakura Osaka Namba", sakura, "Namba 5-1-60, Chuo-ku, Osaka", TOKYO, "JPY", "ja-JP");
		MerchantNode thames = group("Thames Gifts Ltd", null, "London, United Kingdom");
		MerchantNode covent = store("Thames Gifts Covent Garden", thames, "The Market, Covent Garden, London", LONDON, "GBP",
				"en-GB");
		this.merchants.update(thames.id(), new MerchantChange(null, null, null, null, null, false));

		account(DemoAccount.OPERATOR, "OPERATOR", null, false);
		account(DemoAccount.HEADQUARTERS, "MERCHANT", headquarters.id(), true);
		account(DemoAccount.STORE, "MERCHANT", chiado.id(), false);
		account(DemoAccount.TOKYO, "MERCHANT", sakura.id(), true);
		account(DemoAccount.UNLICENSED, "MERCHANT", thames.id(), false);

		List<Plan> plans = List.of(new Plan(chiado, "CHI", 55, 38_00, 0, "L"), new Plan(porto, "OPO", 35, 30_00, 0, "L"),
				new Plan(paris, "PAR", 45, 55_00, 0, "L"), new Plan(faro, "FAO", 30, 25_00, 24, "L"),
				new Plan(ginza, "GNZ", 35, 4_800, 0, "S"), new Plan(namba, "NMB", 25, 3_200, 0, "S"),
				new Plan(covent, "COV", 15, 22_00, 0, "T"));
		List<TransactionRow> rows = new Generator(new Random(SEED), this.clock).rows(plans);
		this.transactions.recordAll(rows);
		int refunds = (int) rows.stream().filter(row -> !row.isCharge()).count();
		int merchants = this.merchants.visibleNodes(this.merchants.scopeOf(null)).size(); // the database was empty
		return new Loaded(merchants, DemoAccount.ALL.size(), rows.size(), refunds);
	}

	private MerchantNode group(String name, Long parentId, String location) {
		return this.merchants.create(new NewMerchant("GROUP", name, parentId, location, null, null, null));
	}

	private MerchantNode store(String name, MerchantNode parent, String location, ZoneId zone, String currency,
			String locale) {
		return this.merchants.create(new NewMerchant("STORE", name, parent.id(), location, zone.getId(), currency, locale));
	}

	private void account(DemoAccount account, String role, Long scopeId, boolean canRefund) {
		this.accounts.createWithPublishedPassword(new AccountService.NewAccount(account.username(), account.password(), role, scopeId, canRefund));
	}

	/** Draws the transactions; one Random, consumed in a fixed order, so the output is repeatable. */
	private static final class Generator {

		private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

		private final Random random;

		private final Instant now;

		private final Clock clock;

		private final Map<String, Integer> pblCounters = new HashMap<>();

		private final Map<LocalDate, String> days = new HashMap<>();

		Generator(Random random, Clock clock) {
			this.random = random;
			this.clock = clock;
			this.now = clock.instant();
		}

		/** A transaction before it has its ID (IDs are handed out in time order at the end). */
		private static final class Draft {

			Plan plan;

			Draft parent;

			String id;

			String type = TransactionRow.CHARGE;

			String method;

			String channel;

			long amount;

			long tip;

			long refunded;

			Instant at;

			String reference;

			String vendorReference;

			String terminalId;

			String loginCode;

			String cardNumber;

			String disputeTag;

			String transactionTag;

		}

		List<TransactionRow> rows(List<Plan> plans) {
			List<Draft> drafts = new ArrayList<>();
			for (Plan plan : plans) {
				drafts.addAll(store(plan));
			}
			drafts.sort(Comparator.comparing((Draft d) -> d.at).thenComparing(d -> d.plan.code()));
			long id = 280_024_000_000L;
			for (Draft draft : drafts) {
				id += 1 + this.random.nextInt(7);
				draft.id = Long.toString(id); // always 12 digits from here
			}
			return drafts.stream().map(Generator::row).toList();
		}

		private List<Draft> store(Plan plan) {
			ZoneId zone = plan.store().zone();
			LocalDate today = LocalDate.now(this.clock.withZone(zone));
			List<Draft> drafts = new ArrayList<>();
			for (int back = DAYS - 1; back >= 0; back--) {
				LocalDate day = today.minusDays(back);
				double weekday = switch (day.getDayOfWeek()) {
					case SATURDAY -> 1.4;
					case SUNDAY -> 1.15;
					case MONDAY -> 0.8;
					default -> 1.0;
				};
				int count = (int) Math.round(plan.perDay() * weekday * (0.75 + 0.5 * this.random.nextDouble()));
				List<Draft> ofDay = new ArrayList<>();
				for (int k = 0; k < count; k++) {
					// opening hours 09:00-22:00 local time
					Instant at = day.atTime(LocalTime.of(9, 0)).atZone(zone).toInstant().plusSeconds(this.random.nextInt(13 * 3600));
					Draft charge = charge(plan, at, zone);
					if (back >= plan.quietDays() && !at.isAfter(this.now)) {
						ofDay.add(charge);
					}
				}
				for (Draft charge : List.copyOf(ofDay)) {
					ofDay.addAll(refunds(charge));
				}
				drafts.addAll(ofDay);
			}
			if (plan.code().equals("CHI")) {
				drafts.add(showcase(plan, today.minusDays(1), zone));
			}
			return drafts;
		}

		private Draft charge(Plan plan, Instant at, ZoneId zone) {
			Draft d = new Draft();
			d.plan = plan;
			d.at = at;
			d.method = this.random.nextDouble() < 0.6 ? "ALP" : "WXP";
			d.channel = this.random.nextDouble() < 0.25 ? "PAY_BY_LINK" : "APP";
			d.amount = amount(plan);
			if (d.channel.equals("APP")) {
				if (this.random.nextDouble() < 0.15) {
					long tip = d.amount * (5 + this.random.nextInt(11)) / 100;
					d.tip = Math.max(10, tip - tip % 10);
				}
				d.terminalId = plan.code() + "-APP-0" + (1 + this.random.nextInt(3));
				d.loginCode = plan.code() + "-" + (101 + this.random.nextInt(8));
				if (this.random.nextDouble() < 0.7) {
					d.cardNumber = CARD_BINS[this.random.nextInt(CARD_BINS.length)] + "******" + digits(4);
				}
			}
			else {
				int year = at.atZone(zone).getYear();
				int next = this.pblCounters.merge(plan.pblGroup() + year, 1, Integer::sum);
				d.reference = "PBL-" + year + "-" + Integer.toString(1_000_000 + next).substring(1);
			}
			d.vendorReference = vendorReference(d.method, at.atZone(zone).toLocalDate());
			double tag = this.random.nextDouble();
			d.transactionTag = tag < 0.03 ? "VIP" : tag < 0.05 ? "TOUR-GROUP" : null;
			d.disputeTag = this.random.nextDouble() < 0.002 ? "DISPUTE-OPEN" : null;
			return d;
		}

		/** A lognormal amount around the store's typical ticket, in whole cents or tens of yen. */
		private long amount(Plan plan) {
			double value = plan.typicalMinor() * Math.exp(0.75 * this.random.nextGaussian());
			long minor = Math.max(plan.typicalMinor() / 20, Math.min(plan.typicalMinor() * 60, Math.round(value)));
			if (plan.store().currency().equals("JPY")) {
				return Math.max(100, minor - minor % 10);
			}
			// a third of prices end in .00 or .50
			return this.random.nextDouble() < 0.33 ? Math.max(50, minor - minor % 50) : Math.max(100, minor);
		}

		/** About 1.5% of charges are refunded in the app, fully or in part, some twice. */
		private List<Draft> refunds(Draft charge) {
			if (this.random.nextDouble() >= 0.015) {
				return List.of();
			}
			List<Draft> refunds = new ArrayList<>();
			boolean full = this.random.nextDouble() < 0.4;
			long first = full ? charge.amount : part(charge.amount);
			addRefund(charge, first, refunds);
			if (!full && this.random.nextDouble() < 0.25) {
				addRefund(charge, part(charge.amount - charge.refunded), refunds);
			}
			return refunds;
		}

		private long part(long amount) {
			long part = amount * (10 + this.random.nextInt(70)) / 100;
			return Math.max(1, part);
		}

		private void addRefund(Draft charge, long amount, List<Draft> refunds) {
			Instant at = charge.at.plus(Duration.ofMinutes(10 + this.random.nextInt(3 * 24 * 60)));
			if (at.isAfter(this.now) || amount <= 0 || charge.refunded + amount > charge.amount) {
				return;
			}
			Draft refund = new Draft();
			refund.plan = charge.plan;
			refund.parent = charge;
			refund.type = TransactionRow.REFUND;
			refund.at = at;
			refund.method = charge.method;
			refund.channel = charge.channel;
			refund.amount = amount;
			refund.reference = charge.reference;
			refund.terminalId = charge.terminalId;
			refund.loginCode = charge.loginCode;
			refund.cardNumber = charge.cardNumber;
			refund.vendorReference = charge.method.equals("ALP") ? charge.vendorReference
					: "5030" + digits(24);
			charge.refunded += amount;
			refunds.add(refund);
		}

		/** The contract's example amount, to show grouping and decimals: 4 000,65 € yesterday. */
		private Draft showcase(Plan plan, LocalDate day, ZoneId zone) {
			Draft d = charge(plan, day.atTime(15, 41, 5).atZone(zone).toInstant(), zone);
			d.amount = 4000_65;
			d.tip = 0;
			d.transactionTag = "VIP";
			d.disputeTag = null;
			return d;
		}

		private String vendorReference(String method, LocalDate day) {
			String date = this.days.computeIfAbsent(day, DAY::format);
			return method.equals("ALP") ? date + "2200" + digits(16) : "4200" + digits(6) + date + digits(10);
		}

		private String digits(int count) {
			StringBuilder digits = new StringBuilder(count);
			for (int i = 0; i < count; i++) {
				digits.append((char) ('0' + this.random.nextInt(10)));
			}
			return digits.toString();
		}

		private static TransactionRow row(Draft d) {
			return new TransactionRow(d.id, d.plan.store().id(), d.type, d.method, d.channel, d.amount, d.tip,
					d.plan.store().currency(), d.at, d.reference, d.vendorReference,
					d.parent == null ? null : d.parent.id, d.terminalId, d.loginCode, d.cardNumber, d.disputeTag,
					d.transactionTag, 0, 0);
		}

	}

}
