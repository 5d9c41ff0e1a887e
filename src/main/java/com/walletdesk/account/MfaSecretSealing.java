package com.walletdesk.account;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seals the TOTP secrets still stored in clear (enrolled before issue 17, or while no key was
 * set), at every start that has {@code walletdesk.secrets.key}. Not a Flyway migration: the key
 * is only in the environment, and a migration that ran without it would be recorded as done with
 * the secrets left clear. Each row is rewritten only if it still holds the clear value read, so
 * several instances starting at once, or an enrolment meanwhile, are safe. Idempotent.
 */
@Component
class MfaSecretSealing implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(MfaSecretSealing.class);

	private final JdbcClient jdbc;

	private final MfaSecretSeal seal;

	MfaSecretSealing(JdbcClient jdbc, MfaSecretSeal seal) {
		this.jdbc = jdbc;
		this.seal = seal;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.seal.canSeal()) {
			int sealed = sealClearSecrets();
			if (sealed > 0) {
				log.info("Sealed {} TOTP secret(s) stored in clear", sealed);
			}
		}
	}

	/** Seals every clear secret; returns how many were sealed. */
	int sealClearSecrets() {
		return sealColumn("mfa_secret") + sealColumn("mfa_pending_secret");
	}

	private int sealColumn(String column) {
		List<Clear> clear = this.jdbc
			.sql("SELECT id, " + column + " AS secret FROM account WHERE " + column + " IS NOT NULL AND " + column
					+ " NOT LIKE 'v1:%'")
			.query((rs, n) -> new Clear(rs.getLong("id"), rs.getString("secret")))
			.list();
		int sealed = 0;
		for (Clear row : clear) {
			sealed += this.jdbc
				.sql("UPDATE account SET " + column + " = :sealed WHERE id = :id AND " + column + " = :clear")
				.param("sealed", this.seal.seal(row.secret()))
				.param("id", row.id())
				.param("clear", row.secret())
				.update();
		}
		return sealed;
	}

	private record Clear(long id, String secret) {
	}

}
