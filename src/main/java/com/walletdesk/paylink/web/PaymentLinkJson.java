package com.walletdesk.paylink.web;

import java.util.List;

import com.walletdesk.paylink.PaymentLinkService.LinkView;
import io.swagger.v3.oas.annotations.media.Schema;

/**
 * A payment link in the API's shape (API.md "Pay By Link"): IDs, money and instants as strings.
 * {@code qrCodeSvg} (an SVG document of the URL's QR code) comes with one link, not in lists.
 */
@Schema(name = "PaymentLink")
record PaymentLinkJson(String id, String storeId, String url, String qrCodeSvg, String reference, String amount,
		String currency, String description, List<String> methods,
		@Schema(allowableValues = { "active", "paid", "cancelled", "expired" }) String status, String expiresAt,
		String createdBy, String createdAt, String paidAt, String paidTransactionId) {

	static PaymentLinkJson of(LinkView view, boolean withQrCode) {
		var link = view.link();
		return new PaymentLinkJson(String.valueOf(link.id()), String.valueOf(link.storeId()), view.url(),
				withQrCode ? view.qrCodeSvg() : null, link.reference(), link.amountMoney().toDecimalString(),
				link.currency(), link.description(), link.methods(), view.status(), link.expiresAt().toString(),
				link.createdBy(), link.createdAt().toString(), link.paidAt() == null ? null : link.paidAt().toString(),
				link.paidTransactionId());
	}

}
