package com.walletdesk.sandbox;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A sandbox setting as an operator sends it (the API's body or the console's form), checked:
 * either a behaviour (for every store, or for {@code storeId}) or the fields that are wrong.
 */
record SandboxSetting(SandboxBehaviour behaviour, Long storeId, Map<String, String> errors) {

	static final long MAX_DELAY_MS = 120_000;

	static SandboxSetting parse(String mode, String message, String delayMs, String storeId) {
		Map<String, String> errors = new LinkedHashMap<>();
		SandboxBehaviour.Mode parsedMode = null;
		try {
			parsedMode = SandboxBehaviour.Mode.valueOf(mode == null ? "" : mode.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			errors.put("mode", "must be one of APPROVE, DECLINE, SLOW, TIMEOUT, APPLY_THEN_TIMEOUT, UNAVAILABLE");
		}
		long delay = 0;
		if (delayMs != null && !delayMs.isBlank()) {
			try {
				delay = Long.parseLong(delayMs.strip());
			}
			catch (NumberFormatException ex) {
				delay = -1;
			}
		}
		if (delay < 0 || delay > MAX_DELAY_MS) {
			errors.put("delayMs", "must be from 0 to " + MAX_DELAY_MS);
		}
		if (message != null && message.length() > 500) {
			errors.put("message", "must be at most 500 characters");
		}
		Long store = null;
		if (storeId != null && !storeId.isBlank()) {
			store = parseStore(storeId);
			if (store == null) {
				errors.put("storeId", "must be a store id");
			}
		}
		if (!errors.isEmpty()) {
			return new SandboxSetting(null, store, errors);
		}
		String words = message == null || message.isBlank() ? null : message.strip();
		return new SandboxSetting(new SandboxBehaviour(parsedMode, words, Duration.ofMillis(delay)), store, Map.of());
	}

	static Long parseStore(String id) {
		try {
			long value = Long.parseLong(id.strip());
			return value > 0 ? value : null;
		}
		catch (NumberFormatException ex) {
			return null;
		}
	}

	boolean isValid() {
		return this.errors.isEmpty();
	}

	/** Applies it to the wallet. */
	void applyTo(SandboxWallet wallet) {
		if (this.storeId == null) {
			wallet.setGlobal(this.behaviour);
		}
		else {
			wallet.setForStore(this.storeId, this.behaviour);
		}
	}

}
