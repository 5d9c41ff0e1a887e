package com.walletdesk.paylink;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.audit.AuditService;
import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.merchant.MerchantService;
import com.walletdesk.web.Languages;
import com.walletdesk.web.ProblemException;
import com.walletdesk.web.RequestParams;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The merchant's side of Pay By Link: create, list, show and cancel a store's links. Every call
 * checks the store against the caller's scope first (a foreign store or link is 404), and every
 * change is audited ({@code PAYMENT_LINK}), refusals too.
 */
@Service
public class PaymentLinkService {

	static final int DEFAULT_LIMIT = 50;

	static final int MAX_LIMIT = 500;

	private final PaymentLinks links;

	private final MerchantService merchants;

	private final AuditService audit;

	private final Clock clock;

	private final String publicBaseUrl;

	PaymentLinkService(PaymentLinks links, MerchantService merchants, AuditService audit, Clock clock,
			@Value("${walletdesk.public-base-url:http://localhost:8080}") String publicBaseUrl) {
		this.links = links;
		this.merchants = merchants;
		this.audit = audit;
		this.clock = clock;
		this.publicBaseUrl = publicBaseUrl.endsWith("/") ? publicBaseUrl.substring(0, publicBaseUrl.length() - 1)
				: publicBaseUrl;
	}

	/** A link as the merchant sees it: with its URL, its status now, and (on demand) its QR code. */
	public record LinkView(PaymentLink link, String url, String status, MerchantNode store) {

		public String qrCodeSvg() {
			return QrCodeSvg.of(this.url, "QR code: " + this.link.reference());
		}

		public boolean cancellable() {
			return PaymentLink.ACTIVE.equals(this.status);
		}

		/** The amount as the page's language writes it (English: the store's own way). */
		public String amount() {
			return this.link.amountMoney().format(Languages.pageFormatting(this.store.displayLocale()));
		}

		/** When it expires, in the store's zone, as the page's language writes it. */
		public String expires() {
			return Languages.pageDateTime(this.link.expiresAt(), this.store.zone());
		}

		public String created() {
			return Languages.pageDateTime(this.link.createdAt(), this.store.zone());
		}

	}

	/** A page of a store's links, newest first; {@code nextCursor} null on the last page. */
	public record LinkPage(List<LinkView> items, String nextCursor) {
	}

	public LinkView create(CurrentUser user, long storeId, NewPaymentLink request) {
		MerchantNode store = this.merchants.requireVisibleStore(user.scope(), storeId);
		Instant now = this.clock.instant();
		String resource = "store/" + store.id() + "/payment-links";
		PaymentLinkRules.Valid link;
		try {
			link = PaymentLinkRules.check(request, store, now);
		}
		catch (ProblemException ex) {
			this.audit.record(AuditService.PAYMENT_LINK, "REFUSED", user.username(), resource,
					"create refused: " + ex.code() + ": " + ex.getMessage());
			throw ex;
		}
		long id;
		try {
			id = this.links.insert(store.id(), LinkTokens.next(), link.reference(), link.amount().minor(),
					store.currency(), link.description(), link.methods(), link.expiresAt(), user.username(), now);
		}
		catch (DuplicateKeyException ex) {
			this.audit.record(AuditService.PAYMENT_LINK, "REFUSED", user.username(), resource,
					"create refused: DUPLICATE_REFERENCE: " + link.reference());
			throw new ProblemException(HttpStatus.CONFLICT, "DUPLICATE_REFERENCE",
					"The reference " + link.reference() + " is already used by another payment link of this store",
					java.util.Map.of("reference", "is already used by another payment link of this store"));
		}
		PaymentLink created = this.links.findById(id).orElseThrow();
		this.audit.record(AuditService.PAYMENT_LINK, "SUCCESS", user.username(), "payment-link/" + id,
				"created " + created.reference() + ": " + created.amountMoney().toDecimalString() + " "
						+ created.currency() + ", expires " + created.expiresAt());
		return view(created, store, now);
	}

	public LinkPage list(CurrentUser user, long storeId, String status, String limit, String cursor) {
		MerchantNode store = this.merchants.requireVisibleStore(user.scope(), storeId);
		String wanted = PaymentLinkRules.text(status);
		if (wanted != null) {
			wanted = wanted.toLowerCase(Locale.ROOT);
			if (!PaymentLink.STATUSES.contains(wanted)) {
				throw ProblemException.validation("status", "must be one of " + String.join(", ", PaymentLink.STATUSES));
			}
		}
		int size = RequestParams.limit(limit, DEFAULT_LIMIT, MAX_LIMIT);
		Long before = null;
		if (cursor != null && !cursor.isBlank()) {
			if (!cursor.strip().matches("\\d{1,18}")) {
				throw ProblemException.invalidField("INVALID_CURSOR", "cursor", "is not a cursor of this list");
			}
			before = Long.valueOf(cursor.strip());
		}
		Instant now = this.clock.instant();
		List<PaymentLink> found = this.links.findByStore(store.id(), wanted, now, before, size + 1);
		List<LinkView> items = found.stream().limit(size).map(link -> view(link, store, now)).toList();
		String next = found.size() > size ? String.valueOf(items.get(items.size() - 1).link().id()) : null;
		return new LinkPage(items, next);
	}

	public LinkView get(CurrentUser user, long storeId, long linkId) {
		MerchantNode store = this.merchants.requireVisibleStore(user.scope(), storeId);
		return view(inStore(store, linkId), store, this.clock.instant());
	}

	/** active -> cancelled; anything else (paid, cancelled, expired) -> 409 {@code LINK_NOT_ACTIVE}. */
	public LinkView cancel(CurrentUser user, long storeId, long linkId) {
		MerchantNode store = this.merchants.requireVisibleStore(user.scope(), storeId);
		PaymentLink link = inStore(store, linkId);
		Instant now = this.clock.instant();
		if (!this.links.cancel(link.id(), now)) {
			String status = this.links.findById(link.id()).orElseThrow().status(now);
			this.audit.record(AuditService.PAYMENT_LINK, "REFUSED", user.username(), "payment-link/" + link.id(),
					"cancel refused: LINK_NOT_ACTIVE: " + status);
			throw new ProblemException(HttpStatus.CONFLICT, "LINK_NOT_ACTIVE",
					"Only an active link can be cancelled; this one is " + status);
		}
		this.audit.record(AuditService.PAYMENT_LINK, "SUCCESS", user.username(), "payment-link/" + link.id(),
				"cancelled " + link.reference());
		return view(this.links.findById(link.id()).orElseThrow(), store, now);
	}

	private PaymentLink inStore(MerchantNode store, long linkId) {
		return this.links.findById(linkId)
			.filter(link -> link.storeId() == store.id())
			.orElseThrow(() -> ProblemException.notFound("Payment link"));
	}

	LinkView view(PaymentLink link, MerchantNode store, Instant now) {
		return new LinkView(link, url(link), link.status(now), store);
	}

	String url(PaymentLink link) {
		return this.publicBaseUrl + "/pay/" + link.token();
	}

}
