package com.walletdesk.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;

import org.springframework.stereotype.Component;

/**
 * Declares in /v3/api-docs the error statuses every API operation can answer, whoever raises
 * them (the request guard, the security chain, the container): they are part of the contract,
 * and the API fuzz test holds each answer to its operation's list. An operation's own
 * {@code @ApiResponse}s (e.g. 409 or 422 of a rule) are kept as written.
 */
@Component
class ApiErrorDocs implements GlobalOpenApiCustomizer {

	static final String PROBLEM = "Problem";

	@Override
	public void customise(OpenAPI api) {
		if (api.getPaths() == null) {
			return;
		}
		api.getComponents().addSchemas(PROBLEM, problemSchema());
		api.getPaths().forEach((path, item) -> {
			if (path.startsWith("/api/")) {
				item.readOperationsMap().forEach((method, operation) -> declare(path, method, operation));
			}
		});
	}

	private static void declare(String path, PathItem.HttpMethod method, Operation operation) {
		Map<Integer, String> statuses = new TreeMap<>();
		for (int status : new int[] { 400, 401, 403, 406, 429, 431 }) {
			statuses.put(status, StatusCodes.detail(status));
		}
		if (path.contains("{")) {
			statuses.put(404, "Unknown, or outside the caller's scope");
		}
		if (operation.getRequestBody() != null || method == PathItem.HttpMethod.POST
				|| method == PathItem.HttpMethod.PUT || method == PathItem.HttpMethod.PATCH) {
			statuses.put(413, StatusCodes.detail(413));
			statuses.put(415, "The body is not in a type this operation reads");
			statuses.put(422, "A field's value is refused; nothing was changed");
		}
		ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
		statuses.forEach((status, description) -> responses.putIfAbsent(Integer.toString(status), problem(description)));
		// an error the operation declares itself is problem JSON too
		responses.forEach((status, response) -> {
			if (status.startsWith("4") && (response.getContent() == null || response.getContent().isEmpty())) {
				response.setContent(problemContent());
			}
		});
		operation.setResponses(responses);
	}

	private static ApiResponse problem(String description) {
		return new ApiResponse().description(description).content(problemContent());
	}

	private static Content problemContent() {
		return new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM)));
	}

	@SuppressWarnings("rawtypes")
	private static Schema problemSchema() {
		Map<String, Schema> properties = new LinkedHashMap<>();
		properties.put("type", new StringSchema());
		properties.put("title", new StringSchema());
		properties.put("status", new IntegerSchema());
		properties.put("detail", new StringSchema());
		properties.put("instance", new StringSchema());
		properties.put("code", new StringSchema().description("Stable machine-readable code (API.md)"));
		properties.put("fields", new ObjectSchema().additionalProperties(new StringSchema())
			.description("The refused fields, each with its message"));
		return new ObjectSchema().properties(properties).addRequiredItem("status").addRequiredItem("code");
	}

}
