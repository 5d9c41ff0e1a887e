package com.walletdesk.wallet.config;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import static com.walletdesk.jdbc.Columns.instant;
import static com.walletdesk.jdbc.Columns.utc;

/** The wallet_config table: one row per store and method. */
@Repository
class WalletConfigs {

	private static final String COLUMNS = "store_id, method, provider, identifiers, sealed_secrets, configured_at";

	private final JdbcClient jdbc;

	WalletConfigs(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored row: the identifiers as JSON text, the secrets sealed (null for the sandbox). */
	record Row(long storeId, String method, ProviderKind provider, String identifiers, String sealedSecrets,
			Instant configuredAt) {
	}

	void save(Row row, String by) {
		if (update(row, by) == 0) {
			try {
				this.jdbc.sql("INSERT INTO wallet_config (" + COLUMNS + ", configured_by) "
						+ "VALUES (:store, :method, :provider, :identifiers, :secrets, :at, :by)")
					.param("store", row.storeId())
					.param("method", row.method())
					.param("provider", row.provider().name())
					.param("identifiers", row.identifiers())
					.param("secrets", row.sealedSecrets())
					.param("at", utc(row.configuredAt()))
					.param("by", by)
					.update();
			}
			catch (DuplicateKeyException raced) {
				update(row, by);
			}
		}
	}

	private int update(Row row, String by) {
		return this.jdbc.sql("""
				UPDATE wallet_config SET provider = :provider, identifiers = :identifiers, sealed_secrets = :secrets,
				  configured_at = :at, configured_by = :by
				WHERE store_id = :store AND method = :method""")
			.param("store", row.storeId())
			.param("method", row.method())
			.param("provider", row.provider().name())
			.param("identifiers", row.identifiers())
			.param("secrets", row.sealedSecrets())
			.param("at", utc(row.configuredAt()))
			.param("by", by)
			.update();
	}

	Optional<Row> find(long storeId, String method) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM wallet_config WHERE store_id = :store AND method = :method")
			.param("store", storeId)
			.param("method", method)
			.query(WalletConfigs::map)
			.optional();
	}

	List<Row> ofStore(long storeId) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM wallet_config WHERE store_id = :store ORDER BY method")
			.param("store", storeId)
			.query(WalletConfigs::map)
			.list();
	}

	List<Row> ofProvider(ProviderKind provider) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM wallet_config WHERE provider = :provider ORDER BY store_id, method")
			.param("provider", provider.name())
			.query(WalletConfigs::map)
			.list();
	}

	private static Row map(ResultSet rs, int n) throws SQLException {
		return new Row(rs.getLong("store_id"), rs.getString("method"), ProviderKind.valueOf(rs.getString("provider")),
				rs.getString("identifiers"), rs.getString("sealed_secrets"), instant(rs, "configured_at"));
	}

}
