package com.walletdesk.account;

import com.walletdesk.secrets.SecretBox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The TOTP secrets at rest: sealed with {@link SecretBox} (AES-GCM under
 * {@code walletdesk.secrets.key}). Without a key (the demo on a laptop) they are stored in clear
 * as before, with a warning at start; {@link MfaSecretSealing} seals those at the first start with
 * a key. A clear value still reads as itself, so accounts enrolled before keep signing in.
 */
@Component
class MfaSecretSeal {

	static final String PURPOSE = "account.mfa_secret";

	private static final Logger log = LoggerFactory.getLogger(MfaSecretSeal.class);

	private final SecretBox box;

	MfaSecretSeal(SecretBox box) {
		this.box = box;
		if (!box.available()) {
			log.warn("walletdesk.secrets.key is not set: TOTP secrets are stored in clear until it is");
		}
	}

	String seal(String secret) {
		return secret == null || !this.box.available() ? secret : this.box.seal(PURPOSE, secret);
	}

	/** The secret in a stored value, sealed or (from before the key) clear; throws when a sealed one does not open. */
	String open(String stored) {
		return SecretBox.isSealed(stored) ? this.box.open(PURPOSE, stored) : stored;
	}

	boolean canSeal() {
		return this.box.available();
	}

}
