package com.walletdesk.ingest.web;

import com.walletdesk.web.ProblemException;

import org.springframework.http.MediaType;

/** What the import's API and page read alike. */
final class ImportForm {

	static final MediaType TEXT_CSV = MediaType.parseMediaType("text/csv");

	private ImportForm() {
	}

	/** {@code true}, {@code false} or absent (false); anything else is refused rather than guessed. */
	static boolean flag(String name, String value) {
		if (value == null || value.isBlank() || value.equals("false")) {
			return false;
		}
		if (value.equals("true") || value.equals("on")) {
			return true;
		}
		throw ProblemException.invalidField("VALIDATION_FAILED", name, "must be true or false");
	}

}
