package com.walletdesk.transaction.web;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.springframework.web.util.UriComponents;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

/**
 * The "Save view" link of a listing: the saved views' form ({@code /views/new}) with the filter
 * as it was asked (the listing's own URL: its dates only when the user chose them, and its
 * search), of one store or of every store.
 */
final class SaveViewLink {

	private SaveViewLink() {
	}

	static String of(String selfUrl, Long storeId) {
		UriComponents asked = UriComponentsBuilder.fromUriString(selfUrl).build();
		UriComponentsBuilder url = UriComponentsBuilder.fromPath("/views/new");
		if (storeId != null) {
			url.queryParam("store", storeId);
		}
		for (String name : List.of("from", "to", "q")) {
			String value = asked.getQueryParams().getFirst(name);
			if (value != null && !value.isBlank()) {
				url.queryParam(name, UriUtils.decode(value, StandardCharsets.UTF_8));
			}
		}
		return url.encode().build().toUriString();
	}

}
