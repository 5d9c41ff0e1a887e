package com.walletdesk.account.language;

import java.util.Optional;

import com.walletdesk.web.Languages;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The language each account chose in the header's switcher (column {@code account.language}). */
@Service
public class SavedLanguages {

	private final JdbcClient jdbc;

	SavedLanguages(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** The account's choice, when it made one that is still a supported language. */
	public Optional<Languages.Language> of(long accountId) {
		return this.jdbc.sql("SELECT language FROM account WHERE id = :id")
			.param("id", accountId)
			.query((rs, row) -> Optional.ofNullable(rs.getString(1)))
			.optional()
			.flatMap(saved -> saved.flatMap(Languages::of));
	}

	public void save(long accountId, Languages.Language language) {
		this.jdbc.sql("UPDATE account SET language = :language WHERE id = :id")
			.param("language", language.tag())
			.param("id", accountId)
			.update();
	}

}
