package com.walletdesk.paylink;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.walletdesk.audit.AuditService;
import com.walletdesk.ingest.IngestItem;
import com.walletdesk.ingest.IngestService;
import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService;
import com.walletdesk.transaction.TransactionRow;
import com.walletdesk.wallet.config.WalletConfig;
import com.walletdesk.wallet.config.WalletConfigService;
import com.walletdesk.web.Languages;
import com.walletdesk.web.ProblemException;

import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The payer's side of Pay By Link: the link behind a token, and its payment. A link is paid
 * exactly once: the move active -> paid is a guarded UPDATE in the same database transaction as
 * the charge, which is recorded through ingestion ({@link IngestService}), the code path every
 * payment channel's charges take (day totals included). Of two payments at the same moment,
 * the second finds the link no longer active and records nothing.
 */
@Service
public class PaymentLinkPayments {

	/** Who the audit trail and ingestion name as the sender of a link's charge. */
	static final String ACTOR = "pay-by-link";

	private final PaymentLinks links;

	private final MerchantService merchants;

	private final IngestService ingest;

	private final PaymentPage paymentPage;

	private final AuditService audit;

	private final TransactionTemplate transaction;

	private final WalletConfigService wallets;

	private final Clock clock;

	PaymentLinkPayments(PaymentLinks links, MerchantService merchants, IngestService ingest, PaymentPage paymentPage,
			AuditService audit, TransactionTemplate transaction, WalletConfigService wallets, Clock clock) {
		this.links = links;
		this.wallets = wallets;
		this.merchants = merchants;
		this.ingest = ingest;
		this.paymentPage = paymentPage;
		this.audit = audit;
		this.transaction = transaction;
		this.clock = clock;
	}

	/**
	 * What the payer's page shows. {@code methods}: the link's wallets that can take its payment
	 * now; a method the store has connected to a live wallet is left out, since only the sandbox
	 * takes payments yet and its charge would then be refunded through the live wallet.
	 */
	public record PayerView(PaymentLink link, MerchantNode store, String status, List<String> methods) {

		public String amount() {
			return amountOnPage(this.link, this.store);
		}

	}

	/** The outcome of a payment: the charge recorded, or the wallet's page to go on to. */
	public record Payment(PaymentLink link, MerchantNode store, String transactionId, java.net.URI redirect) {

		public String amount() {
			return amountOnPage(this.link, this.store);
		}

	}

	/**
	 * The link behind a token in any status (the page says which); 404 for a token that names
	 * no link, never saying whether it is well-formed.
	 */
	public PayerView find(String token) {
		if (!LinkTokens.wellFormed(token)) {
			throw ProblemException.notFound("Payment link");
		}
		PaymentLink link = this.links.findByToken(token).orElseThrow(() -> ProblemException.notFound("Payment link"));
		MerchantNode store = this.merchants.findNode(link.storeId()).orElseThrow();
		List<String> live = this.wallets.ofStore(store.id())
			.stream()
			.filter(config -> config.provider().isLive())
			.map(WalletConfig::method)
			.toList();
		List<String> methods = link.methods().stream().filter(method -> !live.contains(method)).toList();
		return new PayerView(link, store, link.status(this.clock.instant()), methods);
	}

	/**
	 * Pays the link with the chosen wallet. 404 unknown token; 410 {@code LINK_PAID},
	 * {@code LINK_CANCELLED} or {@code LINK_EXPIRED} when it takes no payment; 400 for a wallet
	 * the link does not offer (or that cannot take it: see {@link PayerView}).
	 */
	public Payment pay(String token, String method) {
		PayerView view = find(token);
		if (!PaymentLink.ACTIVE.equals(view.status())) {
			throw closed(view.status());
		}
		String wallet = method == null ? "" : method.strip().toUpperCase(Locale.ROOT);
		if (!view.methods().contains(wallet)) {
			throw ProblemException.validation("method", view.methods().isEmpty()
					? "no wallet of this link can take payments online yet" : "must be one of " + String.join(", ", view.methods()));
		}
		PaymentPage.Start start = this.paymentPage.startPayment(view.link(), wallet);
		if (start instanceof PaymentPage.Redirect redirect) {
			return new Payment(view.link(), view.store(), null, redirect.uri());
		}
		String transactionId = recordPayment(view.link().id(), wallet, ((PaymentPage.Paid) start).vendorReference());
		return new Payment(this.links.findById(view.link().id()).orElseThrow(), view.store(), transactionId, null);
	}

	/**
	 * Records that the wallet took the link's money: the link becomes paid and its charge
	 * (channel PAY_BY_LINK, the link's reference) is stored, together or not at all. Also the
	 * entry for a live wallet's notification. 410 when the link is no longer active (paid by a
	 * concurrent request, cancelled, expired).
	 */
	public String recordPayment(long linkId, String method, String vendorReference) {
		try {
			return this.transaction.execute(status -> {
				Instant now = this.clock.instant();
				PaymentLink link = this.links.findById(linkId).orElseThrow(() -> ProblemException.notFound("Payment link"));
				if (!this.links.markPaid(link.id(), now)) {
					throw closed(this.links.findById(link.id()).orElseThrow().status(now));
				}
				IngestItem charge = new IngestItem(null, String.valueOf(link.storeId()), TransactionRow.CHARGE, method,
						"PAY_BY_LINK", link.amountMoney().toDecimalString(), link.currency(), null, now.toString(),
						link.reference(), vendorReference, null, null, null, null, null, null);
				String transactionId = this.ingest.ingest(ACTOR, List.of(charge), false).ids().get(0);
				this.links.recordCharge(link.id(), transactionId);
				this.audit.recordWithChange(AuditService.PAYMENT_LINK, "PAID", ACTOR, "payment-link/" + link.id(),
						"paid " + link.reference() + " with " + method + ": charge " + transactionId);
				return transactionId;
			});
		}
		catch (ConcurrencyFailureException ex) {
			// a database that refuses the second of two concurrent updates instead of waiting (H2)
			throw closed(PaymentLink.PAID);
		}
	}

	/** The link's amount as the page's language writes it (English: the store's own way). */
	private static String amountOnPage(PaymentLink link, MerchantNode store) {
		return link.amountMoney().format(Languages.pageFormatting(store.displayLocale()));
	}

	static ProblemException closed(String status) {
		return new ProblemException(HttpStatus.GONE, "LINK_" + status.toUpperCase(Locale.ROOT),
				"This payment link takes no payment: it is " + status);
	}

}
