package com.walletdesk.merchant;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The merchant_node table. */
@Repository
class MerchantNodes {

	private static final String COLUMNS = "id, parent_id, kind, name, location, timezone, currency, locale, license_active, path";

	private final JdbcClient jdbc;

	MerchantNodes(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	Optional<MerchantNode> findById(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM merchant_node WHERE id = :id")
			.param("id", id)
			.query(MerchantNodes::map)
			.optional();
	}

	List<MerchantNode> findAllById(Collection<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM merchant_node WHERE id IN (:ids)")
			.param("ids", ids)
			.query(MerchantNodes::map)
			.list();
	}

	/** The subtree under a path (the node itself included), parents before children. */
	List<MerchantNode> findSubtree(String path) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM merchant_node WHERE path LIKE :prefix ORDER BY path")
			.param("prefix", path + "%")
			.query(MerchantNodes::map)
			.list();
	}

	boolean any() {
		return !this.jdbc.sql("SELECT id FROM merchant_node LIMIT 1").query(Long.class).list().isEmpty();
	}

	List<MerchantNode> findAll() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM merchant_node ORDER BY path").query(MerchantNodes::map).list();
	}

	List<MerchantNode> findStores(String pathPrefix) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM merchant_node WHERE kind = 'STORE' AND path LIKE :prefix ORDER BY name, id")
			.param("prefix", pathPrefix + "%")
			.query(MerchantNodes::map)
			.list();
	}

	/**
	 * A node, and whether its license or that of any node above it is switched off: one read,
	 * made on every signed-in request. The path of each switched-off node is a prefix of the
	 * paths below it ("/1/" of "/1/4/9/"); PostgreSQL finds the switched-off nodes through a
	 * partial index, so the cost does not grow with the tree.
	 */
	Optional<LicensedNode> findWithLicense(long id) {
		// the bare COLUMNS are n's: the subquery's columns are all qualified with a
		return this.jdbc.sql("SELECT " + COLUMNS + """
				, (SELECT COUNT(*) FROM merchant_node a
				   WHERE a.license_active = FALSE AND n.path LIKE a.path || '%') AS switched_off
				FROM merchant_node n WHERE n.id = :id""")
			.param("id", id)
			.query((rs, row) -> new LicensedNode(map(rs, row), rs.getLong("switched_off") == 0))
			.optional();
	}

	/** A node and whether it may be used: its license and those of all nodes above it are on. */
	record LicensedNode(MerchantNode node, boolean licenseActive) {
	}

	long insert(Long parentId, MerchantNode.Kind kind, String name, String location, String timezone, String currency,
			String locale, String parentPath, Instant now) {
		var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
		this.jdbc.sql("""
				INSERT INTO merchant_node (parent_id, kind, name, location, timezone, currency, locale, license_active, path, created_at)
				VALUES (:parentId, :kind, :name, :location, :timezone, :currency, :locale, TRUE, 'pending', :now)""")
			.param("parentId", parentId)
			.param("kind", kind.name())
			.param("name", name)
			.param("location", location)
			.param("timezone", timezone)
			.param("currency", currency)
			.param("locale", locale)
			.param("now", OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
			.update(keys, "id");
		long id = keys.getKeyAs(Number.class).longValue();
		this.jdbc.sql("UPDATE merchant_node SET path = :path WHERE id = :id")
			.param("path", (parentPath == null ? "/" : parentPath) + id + "/")
			.param("id", id)
			.update();
		return id;
	}

	void updateLicense(long id, boolean active) {
		this.jdbc.sql("UPDATE merchant_node SET license_active = :active WHERE id = :id")
			.param("active", active)
			.param("id", id)
			.update();
	}

	void updateDetails(long id, String name, String location, String timezone, String currency, String locale) {
		this.jdbc.sql("""
				UPDATE merchant_node SET name = :name, location = :location, timezone = :timezone,
				currency = :currency, locale = :locale WHERE id = :id""")
			.param("name", name)
			.param("location", location)
			.param("timezone", timezone)
			.param("currency", currency)
			.param("locale", locale)
			.param("id", id)
			.update();
	}

	private static MerchantNode map(ResultSet rs, int row) throws SQLException {
		long parent = rs.getLong("parent_id");
		// wasNull() answers for the column read last: ask before reading any other
		Long parentId = rs.wasNull() ? null : parent;
		return new MerchantNode(rs.getLong("id"), parentId,
				MerchantNode.Kind.valueOf(rs.getString("kind")), rs.getString("name"), rs.getString("location"),
				rs.getString("timezone"), trim(rs.getString("currency")), rs.getString("locale"),
				rs.getBoolean("license_active"), rs.getString("path"));
	}

	private static String trim(String value) {
		return value == null ? null : value.trim();
	}

}
