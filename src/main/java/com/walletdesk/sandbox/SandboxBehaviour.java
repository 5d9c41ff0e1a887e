package com.walletdesk.sandbox;

import java.time.Duration;
import java.util.Objects;

/**
 * How the sandbox wallet answers refunds, globally or for one store.
 *
 * @param message the decline's words (DECLINE only)
 * @param delay how long it waits before acting, in every mode (SLOW is APPROVE after a delay)
 */
public record SandboxBehaviour(Mode mode, String message, Duration delay) {

	public static final String DEFAULT_DECLINE_MESSAGE = "The wallet declined the refund: insufficient merchant balance";

	public enum Mode {

		/** Applies the refund and says so. */
		APPROVE,
		/** Refuses with {@code message}; nothing applied. */
		DECLINE,
		/** Waits {@code delay}, then applies and says so. */
		SLOW,
		/** Never answers: the request did not reach the wallet (nothing applied). */
		TIMEOUT,
		/** Applies the refund, then never answers: the wallet did it but we never heard. */
		APPLY_THEN_TIMEOUT,
		/** Refuses every call, queries too, with an error: the wallet is down. */
		UNAVAILABLE

	}

	public SandboxBehaviour {
		Objects.requireNonNull(mode, "mode");
		delay = delay == null || delay.isNegative() ? Duration.ZERO : delay;
		if (mode == Mode.DECLINE && (message == null || message.isBlank())) {
			message = DEFAULT_DECLINE_MESSAGE;
		}
	}

	public static SandboxBehaviour approve() {
		return new SandboxBehaviour(Mode.APPROVE, null, Duration.ZERO);
	}

	public static SandboxBehaviour decline(String message) {
		return new SandboxBehaviour(Mode.DECLINE, message, Duration.ZERO);
	}

	public static SandboxBehaviour slow(Duration delay) {
		return new SandboxBehaviour(Mode.SLOW, null, delay);
	}

	public static SandboxBehaviour timeOut() {
		return new SandboxBehaviour(Mode.TIMEOUT, null, Duration.ZERO);
	}

	public static SandboxBehaviour applyThenTimeOut() {
		return new SandboxBehaviour(Mode.APPLY_THEN_TIMEOUT, null, Duration.ZERO);
	}

	public static SandboxBehaviour unavailable() {
		return new SandboxBehaviour(Mode.UNAVAILABLE, null, Duration.ZERO);
	}

}
