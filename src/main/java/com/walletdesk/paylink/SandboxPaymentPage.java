package com.walletdesk.paylink;

import java.security.SecureRandom;
import java.util.HexFormat;

import org.springframework.stereotype.Component;

/**
 * The sandbox wallet's payment: approved at once, with a made-up wallet payment ID
 * ({@code SBX...}) as the charge's vendor reference, so the charge is refundable through the
 * sandbox like any other. The only {@link PaymentPage} for now: live wallets are not built.
 */
@Component
class SandboxPaymentPage implements PaymentPage {

	private static final SecureRandom RANDOM = new SecureRandom();

	@Override
	public Start startPayment(PaymentLink link, String method) {
		byte[] id = new byte[8];
		RANDOM.nextBytes(id);
		return new Paid("SBX" + method + HexFormat.of().formatHex(id).toUpperCase(java.util.Locale.ROOT));
	}

}
