package com.walletdesk.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The requests the API fuzz test sends, derived from /v3/api-docs: for each operation a valid
 * request, then the same request with one thing changed at a time (each path and query
 * parameter, the Accept, Content-Type and Idempotency-Key headers, each body member, the body as
 * a whole) to a boundary or malformed value. Values are fixed lists, so a failure repeats.
 */
final class ApiFuzzCases {

	/** One request; {@code label} says what was changed from the valid one. */
	record Case(String method, String path, Map<String, String> headers, byte[] body, String label) {

		boolean isWrite() {
			return !"GET".equals(this.method);
		}

		@Override
		public String toString() {
			return this.method + " " + this.path + " [" + this.label + "]";
		}

	}

	/** Path segment values, already percent-encoded. */
	static final List<String> PATH_VALUES = List.of("0", "-1", "9".repeat(25), "abc", "%20", "%C3%A9", "x".repeat(300),
			"%FF", "%3B", "%2e%2e", "%00", "1.5");

	/** Query values, already percent-encoded: boundaries, malformed text and bytes, injection. */
	static final List<String> QUERY_VALUES = List.of("", "%20", "x".repeat(300), "%00", "%01abc", "%C3%A9%E4%B8%AD",
			"%27%20OR%20%271%27%3D%271", "..%2F..%2Fetc", "%25", "%2B1000000000-01-01T00:00:00Z",
			"-1000000000-01-01T00:00:00Z", "2026-02-30", "2026-13-01T00:00:00Z", "-1", "0", "2147483648", "9".repeat(30),
			"%FF", "%ED%A0%80", "1e3", "null", "%5B%5D", "AAAA", "eyJ4IjoxfQ");

	static final List<String> ACCEPTS = List.of("*/*", "text/html", "application/xml", "text/plain",
			"application/json;q=0, text/html", "garbage///", "application/problem+json");

	static final List<String> CONTENT_TYPES = List.of("*/*", "application/*", "text/plain", "application/xml",
			"application/json;charset=ISO-8859-1", "multipart/form-data; boundary=x", "application/x-www-form-urlencoded",
			"garbage");

	static final List<String> IDEMPOTENCY_KEYS = List.of("", " ", "k".repeat(300), "caf\u00e9", "a\tb");

	/** JSON values put in place of one member (as JSON text). */
	static final List<String> MEMBER_VALUES = List.of("null", "\"\"", "\"" + "x".repeat(10_000) + "\"", "\"\\u0000\"",
			"\"a\\u0001b\"", "\"\\ud800\"", "0", "-1", "1.5", "1e308", "99999999999999999999999", "true", "[]", "{}",
			"\"9999999999999999.99\"", "\"-0.01\"", "\"0.001\"", "\"1,00\"", "\"+1000000000-01-01T00:00:00Z\"",
			"\"' OR '1'='1\"", "\"\u202e\u00e9\u4e2d\"");

	/** Whole bodies in place of the valid one. */
	static final List<String> BODIES = List.of("", "{", "null", "[]", "[{}]", "{}", "\"text\"", "{\"a\":1,\"a\":2}",
			"[".repeat(2000) + "]".repeat(2000), "\ufeff{}", "{\"\u0000\":1}");

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JsonNode doc;

	/** A valid value for a path parameter: (path template, parameter name) -> value. */
	private final BiFunction<String, String, String> pathValue;

	/** Valid members as JSON text, by name or, for one operation's body, by "path#name". */
	private final Map<String, String> memberValues;

	/** The path of the operation whose valid body is being built. */
	private String template;

	ApiFuzzCases(JsonNode doc, BiFunction<String, String, String> pathValue, Map<String, String> memberValues) {
		this.doc = doc;
		this.pathValue = pathValue;
		this.memberValues = memberValues;
	}

	/** Every operation of the API as "METHOD path" -> its declared statuses. */
	Map<String, Set<Integer>> declaredStatuses() {
		Map<String, Set<Integer>> declared = new LinkedHashMap<>();
		forEachOperation((path, method, operation) -> {
			Set<Integer> statuses = new java.util.TreeSet<>();
			operation.path("responses").propertyNames().forEach(s -> statuses.add(Integer.parseInt(s)));
			declared.put(method + " " + path, statuses);
		});
		return declared;
	}

	/** The cases of each operation, keyed "METHOD path". */
	Map<String, List<Case>> cases() {
		Map<String, List<Case>> all = new LinkedHashMap<>();
		forEachOperation((path, method, operation) -> all.put(method + " " + path, casesOf(path, method, operation)));
		return all;
	}

	private interface OperationVisitor {

		void visit(String path, String method, JsonNode operation);

	}

	private void forEachOperation(OperationVisitor visitor) {
		for (Map.Entry<String, JsonNode> path : this.doc.path("paths").properties()) {
			if (!path.getKey().startsWith("/api/")) {
				continue;
			}
			for (Map.Entry<String, JsonNode> method : path.getValue().properties()) {
				visitor.visit(path.getKey(), method.getKey().toUpperCase(), method.getValue());
			}
		}
	}

	private List<Case> casesOf(String template, String method, JsonNode operation) {
		List<JsonNode> parameters = new ArrayList<>();
		operation.path("parameters").forEach(parameters::add);
		Map<String, String> path = new LinkedHashMap<>();
		Map<String, String> query = new LinkedHashMap<>();
		for (JsonNode p : parameters) {
			String name = p.path("name").asString();
			if ("path".equals(p.path("in").asString())) {
				path.put(name, this.pathValue.apply(template, name));
			}
			else if ("query".equals(p.path("in").asString())) {
				query.put(name, validQueryValue(name, resolve(p.path("schema"))));
			}
		}
		this.template = template;
		String bodyType = bodyType(operation);
		JsonNode bodySchema = bodyType == null ? null : resolve(operation.path("requestBody").path("content").path(bodyType).path("schema"));
		String validBody = bodyType == null ? null
				: bodyType.contains("json") ? JSON.writeValueAsString(validValue("body", bodySchema)) : validCsv();
		Map<String, String> headers = new LinkedHashMap<>();
		headers.put("Accept", "application/json");
		if (bodyType != null) {
			headers.put("Content-Type", bodyType);
		}
		if ("POST".equals(method)) {
			headers.put("Idempotency-Key", "fuzz-" + System.nanoTime());
		}
		Request valid = new Request(method, template, path, query, headers, validBody);
		List<Case> cases = new ArrayList<>();
		cases.add(valid.toCase("valid"));
		path.keySet().forEach(name -> PATH_VALUES.forEach(v -> cases.add(valid.withPath(name, v).toCase("path " + name + "=" + v))));
		query.keySet().forEach(name -> {
			QUERY_VALUES.forEach(v -> cases.add(valid.withQuery(name, v).toCase("query " + name + "=" + v)));
			cases.add(valid.withoutQuery(name).toCase("query " + name + " absent"));
		});
		ACCEPTS.forEach(v -> cases.add(valid.withHeader("Accept", v).toCase("Accept: " + v)));
		if (bodyType != null) {
			CONTENT_TYPES.forEach(v -> cases.add(valid.withHeader("Content-Type", v).toCase("Content-Type: " + v)));
			BODIES.forEach(b -> cases.add(valid.withBody(b).toCase("body " + abbreviate(b))));
			cases.add(valid.withBody("{\"x\":\"" + "y".repeat(1024 * 1024 + 16) + "\"}").toCase("body over 1 MiB"));
			cases.add(valid.withBodyBytes(new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xFF, (byte) 0xFE, '"', '}' })
				.toCase("body with invalid UTF-8"));
			if (validBody.startsWith("{")) {
				memberCases(valid, validBody, cases);
			}
		}
		if ("POST".equals(method)) {
			IDEMPOTENCY_KEYS.forEach(v -> cases.add(valid.withHeader("Idempotency-Key", v).toCase("Idempotency-Key: " + abbreviate(v))));
		}
		return cases;
	}

	private void memberCases(Request valid, String validBody, List<Case> cases) {
		ObjectNode object = (ObjectNode) JSON.readTree(validBody);
		List<String> members = new ArrayList<>(object.propertyNames());
		for (String member : members) {
			ObjectNode without = object.deepCopy();
			without.remove(member);
			cases.add(valid.withBody(JSON.writeValueAsString(without)).toCase("member " + member + " absent"));
			for (String value : MEMBER_VALUES) {
				ObjectNode changed = object.deepCopy();
				changed.set(member, JSON.readTree(value));
				cases.add(valid.withBody(JSON.writeValueAsString(changed)).toCase("member " + member + "=" + abbreviate(value)));
			}
		}
		ObjectNode unknown = object.deepCopy();
		unknown.put("unknownMember", "x");
		cases.add(valid.withBody(JSON.writeValueAsString(unknown)).toCase("unknown member"));
	}

	private static String bodyType(JsonNode operation) {
		Iterator<String> types = operation.path("requestBody").path("content").propertyNames().iterator();
		String first = null;
		while (types.hasNext()) {
			String type = types.next();
			if (type.contains("json")) {
				return type;
			}
			first = first == null ? type : first;
		}
		return first;
	}

	private JsonNode resolve(JsonNode schema) {
		String ref = schema.path("$ref").asString("");
		if (ref.startsWith("#/components/schemas/")) {
			return resolve(this.doc.path("components").path("schemas").path(ref.substring("#/components/schemas/".length())));
		}
		return schema;
	}

	private JsonNode validValue(String name, JsonNode schema) {
		schema = resolve(schema);
		if (this.memberValues.containsKey(this.template + "#" + name)) {
			return JSON.readTree(this.memberValues.get(this.template + "#" + name));
		}
		if (this.memberValues.containsKey(name)) {
			return JSON.readTree(this.memberValues.get(name));
		}
		if (schema.has("enum")) {
			return schema.path("enum").get(0);
		}
		String type = schema.path("type").asString(schema.has("properties") ? "object" : "string");
		return switch (type) {
			case "object" -> {
				ObjectNode object = JSON.createObjectNode();
				schema.path("properties").properties().forEach(p -> object.set(p.getKey(), validValue(p.getKey(), p.getValue())));
				yield object;
			}
			case "array" -> JSON.createArrayNode().add(validValue(name, schema.path("items")));
			case "integer", "number" -> JSON.getNodeFactory().numberNode(1);
			case "boolean" -> JSON.getNodeFactory().booleanNode(true);
			default -> JSON.getNodeFactory().stringNode(schema.path("format").asString("").equals("date-time")
					? Instant.now().minus(1, ChronoUnit.HOURS).toString() : "fuzz");
		};
	}

	private static String validQueryValue(String name, JsonNode schema) {
		return switch (name) {
			case "from" -> Instant.now().minus(7, ChronoUnit.DAYS).truncatedTo(ChronoUnit.DAYS).toString().substring(0, 10);
			case "to" -> Instant.now().truncatedTo(ChronoUnit.DAYS).toString().substring(0, 10);
			case "limit" -> "10";
			case "q" -> "alipay";
			default -> schema.path("type").asString("").equals("integer") ? "1"
					: schema.path("type").asString("").equals("boolean") ? "true" : "";
		};
	}

	private static String validCsv() {
		return "Store ID,Transaction ID,Transaction Type,Payment Method,Channel,Total,Currency,Created At\n";
	}

	private static String abbreviate(String value) {
		String printable = value.replaceAll("\\p{Cntrl}", "?");
		return printable.length() > 40 ? printable.substring(0, 40) + "...(" + value.length() + ")" : printable;
	}

	/** The request being varied: the valid one, or it with one change. */
	private record Request(String method, String template, Map<String, String> path, Map<String, String> query,
			Map<String, String> headers, Object body) {

		Request withPath(String name, String value) {
			Map<String, String> changed = new LinkedHashMap<>(this.path);
			changed.put(name, value);
			return new Request(this.method, this.template, changed, this.query, this.headers, this.body);
		}

		Request withQuery(String name, String value) {
			Map<String, String> changed = new LinkedHashMap<>(this.query);
			changed.put(name, value);
			return new Request(this.method, this.template, this.path, changed, this.headers, this.body);
		}

		Request withoutQuery(String name) {
			Map<String, String> changed = new LinkedHashMap<>(this.query);
			changed.remove(name);
			return new Request(this.method, this.template, this.path, changed, this.headers, this.body);
		}

		Request withHeader(String name, String value) {
			Map<String, String> changed = new LinkedHashMap<>(this.headers);
			changed.put(name, value);
			return new Request(this.method, this.template, this.path, this.query, changed, this.body);
		}

		Request withBody(String body) {
			return new Request(this.method, this.template, this.path, this.query, this.headers, body);
		}

		Request withBodyBytes(byte[] body) {
			return new Request(this.method, this.template, this.path, this.query, this.headers, body);
		}

		Case toCase(String label) {
			String target = this.template;
			for (Map.Entry<String, String> p : this.path.entrySet()) {
				target = target.replace("{" + p.getKey() + "}", p.getValue());
			}
			StringBuilder uri = new StringBuilder(target);
			String separator = "?";
			for (Map.Entry<String, String> q : this.query.entrySet()) {
				if (!q.getValue().isEmpty() || label.startsWith("query " + q.getKey())) {
					uri.append(separator).append(q.getKey()).append('=').append(q.getValue());
					separator = "&";
				}
			}
			byte[] bytes = this.body == null ? null
					: this.body instanceof byte[] raw ? raw : ((String) this.body).getBytes(StandardCharsets.UTF_8);
			return new Case(this.method, uri.toString(), this.headers, bytes, label);
		}

	}

}
