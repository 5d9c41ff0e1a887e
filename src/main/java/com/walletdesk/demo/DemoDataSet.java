package com.walletdesk.demo;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
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
	record Plan(MerchantNode store, String code, int perDay, long typicalMinor, int quietDays, String pblGroup) {
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
		List<TransactionRow> rows = new DemoTransactions(new Random(SEED), this.clock).rows(plans);
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

}
