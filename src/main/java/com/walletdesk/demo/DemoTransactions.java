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

import com.walletdesk.demo.DemoDataSet.Plan;
import com.walletdesk.transaction.TransactionRow;

/** Draws the transactions; one Random, consumed in a fixed order, so the output is repeatable. */
final class DemoTransactions {

	private static final String[] CARD_BINS = { "622848", "621700", "625807", "436742", "512345" };

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd");

	private final Random random;

	private final Instant now;

	private final Clock clock;

	private final Map<String, Integer> pblCounters = new HashMap<>();

	private final Map<LocalDate, String> days = new HashMap<>();

	DemoTransactions(Random random, Clock clock) {
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
		return drafts.stream().map(DemoTransactions::row).toList();
	}

	private List<Draft> store(Plan plan) {
		ZoneId zone = plan.store().zone();
		LocalDate today = LocalDate.now(this.clock.withZone(zone));
		List<Draft> drafts = new ArrayList<>();
		for (int back = DemoDataSet.DAYS - 1; back >= 0; back--) {
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
