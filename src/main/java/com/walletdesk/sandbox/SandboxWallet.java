package com.walletdesk.sandbox;

import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.walletdesk.wallet.RefundOrder;
import com.walletdesk.wallet.WalletAnswer;
import com.walletdesk.wallet.WalletProvider;
import com.walletdesk.wallet.WalletTimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;

/**
 * The default wallet: an in-process simulator with its own ledger, behaving like a real wallet
 * in the ways that matter to refunds. It applies each refund key at most once and answers a
 * repeated key with its first result; it can be set, globally or per store, to approve, decline
 * with a message, answer slowly, time out, apply and then time out, or be unavailable
 * ({@link SandboxBehaviour}). Tests turn these knobs directly; operators through
 * {@code PUT /api/v1/admin/sandbox}.
 */
@Component
@ConditionalOnSandboxWallet
public class SandboxWallet implements WalletProvider {

	private static final Logger log = LoggerFactory.getLogger(SandboxWallet.class);

	/** How long an instance trusts the behaviour it read (another instance's change shows within it). */
	private static final long BEHAVIOUR_CACHE_NANOS = 1_000_000_000L;

	private final SandboxLedger ledger;

	private final Clock clock;

	private final ConcurrentHashMap<Long, CachedBehaviour> behaviours = new ConcurrentHashMap<>();

	private record CachedBehaviour(SandboxBehaviour behaviour, long readAtNanos) {
	}

	SandboxWallet(SandboxLedger ledger, Clock clock) {
		this.ledger = ledger;
		this.clock = clock;
	}

	@Override
	public WalletAnswer refund(RefundOrder order) {
		SandboxBehaviour behaviour = behaviourFor(order.storeId());
		waitFor(behaviour);
		return switch (behaviour.mode()) {
			case APPROVE, SLOW -> answer(record(order, SandboxLedgerEntry.Status.SUCCEEDED, null));
			case DECLINE -> answer(record(order, SandboxLedgerEntry.Status.DECLINED, behaviour.message()));
			case TIMEOUT -> throw new WalletTimeoutException("sandbox wallet: no answer (request lost)");
			case APPLY_THEN_TIMEOUT -> {
				record(order, SandboxLedgerEntry.Status.SUCCEEDED, null);
				throw new WalletTimeoutException("sandbox wallet: applied, but the answer was lost");
			}
			case UNAVAILABLE -> throw new IllegalStateException("sandbox wallet: service unavailable");
		};
	}

	@Override
	public WalletAnswer queryRefund(RefundOrder order) {
		if (behaviourFor(order.storeId()).mode() == SandboxBehaviour.Mode.UNAVAILABLE) {
			throw new IllegalStateException("sandbox wallet: service unavailable");
		}
		return this.ledger.find(order.refundKey()).map(SandboxWallet::answer).orElseGet(WalletAnswer::notFound);
	}

	// --- knobs (tests, and the operators' sandbox API) ---

	/** Sets how every store without its own setting is answered. */
	public void setGlobal(SandboxBehaviour behaviour) {
		this.ledger.save(null, behaviour, this.clock.instant());
		this.behaviours.clear();
	}

	/** Sets how one store is answered, whatever the global setting. */
	public void setForStore(long storeId, SandboxBehaviour behaviour) {
		this.ledger.save(storeId, behaviour, this.clock.instant());
		this.behaviours.clear();
	}

	/** The store falls back to the global setting. */
	public void clearStore(long storeId) {
		this.ledger.clear(storeId);
		this.behaviours.clear();
	}

	/** Approve everything again: no global and no store settings. */
	public void approveAll() {
		this.ledger.clearAll();
		this.behaviours.clear();
	}

	/**
	 * How a store is answered: read from the shared settings, trusted for a second (changes made
	 * through this instance apply at once; through another one, within that second).
	 */
	public SandboxBehaviour behaviourFor(long storeId) {
		long now = System.nanoTime();
		CachedBehaviour cached = this.behaviours.get(storeId);
		if (cached != null && now - cached.readAtNanos() < BEHAVIOUR_CACHE_NANOS) {
			return cached.behaviour();
		}
		SandboxBehaviour behaviour = this.ledger.behaviourFor(storeId);
		this.behaviours.put(storeId, new CachedBehaviour(behaviour, now));
		return behaviour;
	}

	public SandboxBehaviour global() {
		return this.ledger.global().orElse(SandboxBehaviour.approve());
	}

	List<SandboxLedger.StoreSetting> storeSettings() {
		return this.ledger.storeSettings();
	}

	/** What the wallet recorded for a refund key, if it ever received it. */
	public Optional<SandboxLedgerEntry> entry(String refundKey) {
		return this.ledger.find(refundKey);
	}

	/** Everything the wallet recorded for a charge. */
	public List<SandboxLedgerEntry> entriesForCharge(String chargeId) {
		return this.ledger.findByCharge(chargeId);
	}

	/** The sum the wallet actually refunded on a charge, in minor units. */
	public long appliedTotal(String chargeId) {
		return entriesForCharge(chargeId).stream()
			.filter(SandboxLedgerEntry::applied)
			.mapToLong(SandboxLedgerEntry::amountMinor)
			.sum();
	}

	private SandboxLedgerEntry record(RefundOrder order, SandboxLedgerEntry.Status status, String message) {
		SandboxLedgerEntry entry = this.ledger.record(new SandboxLedgerEntry(order.refundKey(), order.chargeId(),
				order.storeId(), order.amount().minor(), order.amount().currency().getCurrencyCode(), status,
				"SBX" + UUID.randomUUID().toString().replace("-", "").substring(0, 24).toUpperCase(), message, 1,
				this.clock.instant()));
		if (entry.requests() > 1) {
			log.info("Sandbox wallet: refund key {} received again ({} requests); answered with its first result",
					order.refundKey(), entry.requests());
		}
		return entry;
	}

	private static WalletAnswer answer(SandboxLedgerEntry entry) {
		return entry.applied() ? WalletAnswer.succeeded(entry.providerReference())
				: WalletAnswer.declined(entry.providerReference(), entry.message());
	}

	/** Waits as set; an interrupted wait (the caller gave up) applies nothing. */
	private static void waitFor(SandboxBehaviour behaviour) {
		if (behaviour.delay().isZero()) {
			return;
		}
		try {
			Thread.sleep(behaviour.delay().toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new WalletTimeoutException("sandbox wallet: the caller stopped waiting; nothing applied");
		}
	}

}
