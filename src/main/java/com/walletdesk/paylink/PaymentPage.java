package com.walletdesk.paylink;

import java.net.URI;

/**
 * The port to a wallet's own payment page: how a payer who chose a wallet on {@code /pay/{token}}
 * pays the link. The sandbox ({@link SandboxPaymentPage}) pays at once, in process. A live
 * wallet (Alipay+/Antom cashier page, WeChat Pay) would create the payment with the wallet and
 * answer {@link Redirect} to its page; the wallet's notification would then settle the link
 * through {@link PaymentLinkService#recordPayment}. No live adapter exists yet.
 */
public interface PaymentPage {

	/** Starts the payment of {@code link} with the wallet {@code method} (ALP or WXP). Called outside any database transaction. */
	Start startPayment(PaymentLink link, String method);

	/** What became of the start. */
	sealed interface Start permits Paid, Redirect {
	}

	/** The wallet took the money now; {@code vendorReference} is its own ID of the payment. */
	record Paid(String vendorReference) implements Start {
	}

	/** The payer goes on to the wallet's own page; the link is paid when the wallet says so. */
	record Redirect(URI uri) implements Start {
	}

}
