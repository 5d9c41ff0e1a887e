package com.walletdesk.account.signin;

import com.walletdesk.account.Account;
import com.walletdesk.account.Accounts;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;

import com.walletdesk.audit.AuditService;
import com.walletdesk.web.ProblemException;

import dev.samstevens.totp.code.HashingAlgorithm;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import dev.samstevens.totp.util.Utils;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Multi-factor sign-in (PCI DSS 8.4.2, 8.5.1): TOTP enrolment by QR code, confirmation with a
 * first code, ten one-time recovery codes (kept as SHA-256 hashes), verification at sign-in.
 * Required for operators, for accounts holding the refund privilege, for every enrolled
 * account, and for all accounts when {@code walletdesk.security.mfa-required-for-all} is set.
 */
@Service
public class MfaService {

	static final int RECOVERY_CODES = 10;

	static final String ISSUER = "Walletdesk";

	private static final char[] RECOVERY_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789".toCharArray();

	private final Accounts accounts;

	private final LockOut lockOut;

	private final AuditService audit;

	private final Clock clock;

	private final boolean requiredForAll;

	private final SecureRandom random = new SecureRandom();

	MfaService(Accounts accounts, LockOut lockOut, AuditService audit, Clock clock,
			@Value("${walletdesk.security.mfa-required-for-all:false}") boolean requiredForAll) {
		this.accounts = accounts;
		this.lockOut = lockOut;
		this.audit = audit;
		this.clock = clock;
		this.requiredForAll = requiredForAll;
	}

	boolean required(Account account) {
		return this.requiredForAll || account.isOperator() || account.canRefund() || account.mfaEnrolled();
	}

	public boolean enrolled(long accountId) {
		return this.accounts.findById(accountId).map(Account::mfaEnrolled).orElse(false);
	}

	/** Starts (or restarts) an enrolment: a new secret, kept pending until a code confirms it. */
	public Enrolment startEnrolment(long accountId) {
		Account account = existing(accountId);
		if (account.mfaEnrolled()) {
			throw ProblemException.conflict("MFA_ALREADY_ENROLLED",
					"This account already has an authenticator; an operator can reset it");
		}
		String secret = new DefaultSecretGenerator().generate();
		this.accounts.setPendingMfaSecret(accountId, secret);
		return enrolment(account.username(), secret);
	}

	/** The enrolment started and not yet confirmed, if any (shown again, unchanged, by the page). */
	public java.util.Optional<Enrolment> pendingEnrolment(long accountId) {
		Account account = existing(accountId);
		if (account.mfaEnrolled() || account.mfaPendingSecret() == null) {
			return java.util.Optional.empty();
		}
		return java.util.Optional.of(enrolment(account.username(), account.mfaPendingSecret()));
	}

	private static Enrolment enrolment(String username, String secret) {
		QrData data = new QrData.Builder().label(username)
			.secret(secret)
			.issuer(ISSUER)
			.algorithm(HashingAlgorithm.SHA1)
			.digits(Totp.DIGITS)
			.period(Totp.PERIOD_SECONDS)
			.build();
		return new Enrolment(secret, data.getUri(), qrCode(data));
	}

	/** Confirms the pending secret with a code from the app; returns the ten recovery codes, shown once. */
	public List<String> confirmEnrolment(long accountId, String code) {
		Account account = existing(accountId);
		refuseWhenLocked(account);
		if (account.mfaEnrolled() || account.mfaPendingSecret() == null) {
			throw invalidCode();
		}
		OptionalLong step = Totp.matchingStep(account.mfaPendingSecret(), strip(code), this.clock.instant());
		if (step.isEmpty() || !this.accounts.enableMfa(accountId, account.mfaPendingSecret(), step.getAsLong())) {
			failed(account, "enrolment code not right");
			throw invalidCode();
		}
		List<String> codes = newRecoveryCodes(accountId);
		this.lockOut.succeeded(account);
		this.audit.record(AuditService.MFA_CHANGE, "ENROLLED", account.username(), "account",
				"authenticator enrolled; " + RECOVERY_CODES + " recovery codes issued");
		return codes;
	}

	/**
	 * Checks a TOTP code (never the same time step twice) or an unused recovery code; a wrong
	 * one counts towards the lock-out and answers 401 {@code MFA_INVALID_CODE}.
	 */
	public void verify(long accountId, String code) {
		Account account = existing(accountId);
		refuseWhenLocked(account);
		if (!account.mfaEnrolled()) {
			throw invalidCode();
		}
		String given = strip(code);
		OptionalLong step = Totp.matchingStep(account.mfaSecret(), given, this.clock.instant());
		if (step.isPresent()) {
			if (this.accounts.useMfaStep(accountId, step.getAsLong())) {
				this.lockOut.succeeded(account);
				this.audit.record(AuditService.SIGN_IN, "MFA_VERIFIED", account.username(), "account", "TOTP code");
				return;
			}
			failed(account, "TOTP code already used");
			throw invalidCode();
		}
		if (given != null && given.length() >= 10
				&& this.accounts.useRecoveryCode(accountId, hash(normaliseRecoveryCode(given)), this.clock.instant())) {
			this.lockOut.succeeded(account);
			int left = this.accounts.unusedRecoveryCodes(accountId);
			this.audit.record(AuditService.SIGN_IN, "MFA_VERIFIED", account.username(), "account", "recovery code");
			this.audit.record(AuditService.MFA_CHANGE, "RECOVERY_CODE_USED", account.username(), "account",
					left + " recovery codes left");
			return;
		}
		failed(account, "code not right");
		throw invalidCode();
	}

	/**
	 * New recovery codes (the old ones stop working), against a fresh code from the
	 * authenticator: a hijacked session alone cannot mint itself a way past the second factor.
	 */
	public List<String> regenerateRecoveryCodes(long accountId, String code) {
		Account account = existing(accountId);
		if (!account.mfaEnrolled()) {
			throw ProblemException.conflict("MFA_NOT_ENROLLED", "Enrol an authenticator first");
		}
		verify(accountId, code);
		List<String> codes = newRecoveryCodes(accountId);
		this.audit.record(AuditService.MFA_CHANGE, "RECOVERY_CODES_REGENERATED", account.username(), "account", null);
		return codes;
	}

	/** An operator removes an account's authenticator (a lost phone); it enrols again at its next sign-in. */
	public void reset(long accountId, String operator) {
		Account account = this.accounts.findById(accountId).orElseThrow(() -> ProblemException.notFound("User"));
		this.accounts.resetMfa(accountId);
		this.audit.record(AuditService.MFA_CHANGE, "RESET_BY_OPERATOR", account.username(), "user/" + accountId,
				"by " + operator);
		this.audit.record(AuditService.ADMIN_CHANGE, "SUCCESS", operator, "user/" + accountId,
				"MFA reset for " + account.username());
	}

	/** A secret being enrolled: base32 for typing, the otpauth URI, and the URI as a QR code (PNG data URI). */
	public record Enrolment(String secret, String otpauthUri, String qrCodeDataUri) {
	}

	private List<String> newRecoveryCodes(long accountId) {
		List<String> codes = new ArrayList<>();
		List<String> hashes = new ArrayList<>();
		for (int i = 0; i < RECOVERY_CODES; i++) {
			StringBuilder code = new StringBuilder();
			for (int c = 0; c < 10; c++) {
				if (c == 5) {
					code.append('-');
				}
				code.append(RECOVERY_ALPHABET[this.random.nextInt(RECOVERY_ALPHABET.length)]);
			}
			codes.add(code.toString());
			hashes.add(hash(normaliseRecoveryCode(code.toString())));
		}
		this.accounts.replaceRecoveryCodes(accountId, hashes);
		return List.copyOf(codes);
	}

	private void failed(Account account, String why) {
		this.lockOut.failed(account, "mfa");
		this.audit.record(AuditService.SIGN_IN_FAILED, "MFA_INVALID_CODE", account.username(), "account", why);
	}

	private void refuseWhenLocked(Account account) {
		if (this.lockOut.isLocked(account)) {
			this.audit.record(AuditService.SIGN_IN_FAILED, "LOCKED", account.username(), "account", "MFA step");
			throw invalidCode();
		}
	}

	private Account existing(long accountId) {
		return this.accounts.findById(accountId)
			.orElseThrow(() -> new ProblemException(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Sign in first"));
	}

	static ProblemException invalidCode() {
		return new ProblemException(HttpStatus.UNAUTHORIZED, "MFA_INVALID_CODE", "The code is not right or was used already");
	}

	private static String strip(String code) {
		return code == null ? null : code.replace(" ", "").strip();
	}

	static String normaliseRecoveryCode(String code) {
		return code.replace("-", "").replace(" ", "").toLowerCase(Locale.ROOT);
	}

	public static String hash(String value) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String qrCode(QrData data) {
		try {
			ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
			generator.setImageSize(240);
			return Utils.getDataUriForImage(generator.generate(data), generator.getImageMimeType());
		}
		catch (QrGenerationException ex) {
			throw new IllegalStateException("cannot draw the QR code", ex);
		}
	}

}
