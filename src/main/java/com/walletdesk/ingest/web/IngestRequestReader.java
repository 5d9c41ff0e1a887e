package com.walletdesk.ingest.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import com.walletdesk.ingest.IngestItem;
import com.walletdesk.ingest.IngestProblems;
import com.walletdesk.ingest.IngestService;
import com.walletdesk.web.ProblemException;
import tools.jackson.databind.JsonNode;

/**
 * Reads the JSON of an ingestion request: one item, or {@code {"items":[...]}}. Every value
 * must be a JSON string (IDs and amounts included: never a number, so no digit or decimal is
 * lost on the way); a store ID may also be a whole number. Unknown fields are refused, so a
 * misspelt field cannot silently drop a value.
 */
final class IngestRequestReader {

	/** The items and whether they came as a batch. */
	record Request(List<IngestItem> items, boolean batch) {
	}

	private IngestRequestReader() {
	}

	static Request read(JsonNode body) {
		if (body == null || !body.isObject()) {
			throw ProblemException.badRequest("MALFORMED_REQUEST",
					"Send one transaction as a JSON object, or {\"items\":[...]}");
		}
		if (!body.has("items")) {
			return new Request(List.of(item(body, 0, new IngestProblems(false), true)), false);
		}
		if (body.size() > 1) {
			throw ProblemException.invalidField("VALIDATION_FAILED", "items",
					"a batch holds only \"items\"; a single transaction has no \"items\"");
		}
		JsonNode items = body.get("items");
		if (!items.isArray() || items.isEmpty()) {
			throw ProblemException.invalidField("VALIDATION_FAILED", "items",
					"must be an array of 1 to " + IngestService.MAX_ITEMS + " transactions");
		}
		if (items.size() > IngestService.MAX_ITEMS) {
			throw ProblemException.invalidField("BATCH_TOO_LARGE", "items",
					"holds " + items.size() + " transactions; at most " + IngestService.MAX_ITEMS + " per request");
		}
		IngestProblems problems = new IngestProblems(true);
		List<IngestItem> result = new ArrayList<>(items.size());
		for (int i = 0; i < items.size(); i++) {
			result.add(item(items.get(i), i, problems, false));
		}
		problems.throwIfAny();
		return new Request(result, true);
	}

	private static IngestItem item(JsonNode node, int index, IngestProblems problems, boolean single) {
		if (!node.isObject()) {
			problems.invalid(index, "item", "must be a JSON object");
			return null;
		}
		Map<String, String> values = new HashMap<>();
		for (Map.Entry<String, JsonNode> field : node.properties()) {
			String name = field.getKey();
			JsonNode value = field.getValue();
			if (!IngestItem.FIELDS.contains(name)) {
				problems.invalid(index, name, "is not a field of a transaction");
			}
			else if (value.isNull()) {
				values.put(name, null);
			}
			else if (value.isString()) {
				values.put(name, value.stringValue());
			}
			else if (name.equals("storeId") && value.isIntegralNumber()) {
				values.put(name, value.asString());
			}
			else if (name.equals("amount") || name.equals("tip")) {
				problems.refused(index, "INVALID_AMOUNT", name, "must be a decimal string such as \"12.34\", never a number");
			}
			else {
				problems.invalid(index, name, "must be a string");
			}
		}
		if (single) {
			problems.throwIfAny();
		}
		return IngestItem.of(values);
	}

}
