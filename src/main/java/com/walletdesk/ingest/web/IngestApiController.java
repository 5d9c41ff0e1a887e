package com.walletdesk.ingest.web;

import java.util.List;

import com.walletdesk.ingest.IngestService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The ingestion API. Callers are payment channels with an API key or an operator session
 * (SecurityConfig), so this takes the {@link Authentication} — an API key has no account —
 * and records its name as the actor.
 */
@RestController
class IngestApiController {

	private final IngestService ingest;

	IngestApiController(IngestService ingest) {
		this.ingest = ingest;
	}

	@PostMapping("/api/v1/ingest/transactions")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Ingest one transaction, or a batch of up to 1000 (all or nothing)")
	Accepted ingest(Authentication caller, @io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(oneOf = { IngestItemBody.class, IngestBatchBody.class }))) @RequestBody JsonNode body) {
		IngestRequestReader.Request request = IngestRequestReader.read(body);
		IngestService.Result result = this.ingest.ingest(caller.getName(), request.items(), request.batch());
		return new Accepted(result.ids().size(), result.ids().stream().map(AcceptedItem::new).toList());
	}

	record Accepted(int accepted, List<AcceptedItem> items) {
	}

	record AcceptedItem(String id) {
	}

	/** The documented shape of one transaction (the body is read field by field). */
	@Schema(name = "IngestTransaction")
	record IngestItemBody(@Schema(description = "12-digit gateway ID; issued when absent", example = "280024065451") String id,
			@Schema(requiredMode = Schema.RequiredMode.REQUIRED) String storeId,
			@Schema(allowableValues = { "charge", "refund" }, requiredMode = Schema.RequiredMode.REQUIRED) String type,
			@Schema(allowableValues = { "ALP", "WXP" }, requiredMode = Schema.RequiredMode.REQUIRED) String method,
			@Schema(allowableValues = { "APP", "PAY_BY_LINK" }, requiredMode = Schema.RequiredMode.REQUIRED,
					description = "PAX and VERIFONE are refused (422 UNSUPPORTED_CHANNEL)") String channel,
			@Schema(example = "4000.65", requiredMode = Schema.RequiredMode.REQUIRED,
					description = "decimal string with exactly the currency's minor digits") String amount,
			@Schema(example = "EUR", requiredMode = Schema.RequiredMode.REQUIRED, description = "the store's currency") String currency,
			@Schema(example = "0.00") String tip,
			@Schema(example = "2019-09-24T15:41:05Z", requiredMode = Schema.RequiredMode.REQUIRED) String createdAt,
			@Schema(example = "PBL-2026-000123") String reference, String vendorReference,
			@Schema(description = "for a refund: the charge it refunds") String parentId, String terminalId,
			String loginCode, String cardNumber, String disputeTag, String transactionTag) {
	}

	@Schema(name = "IngestBatch")
	record IngestBatchBody(@ArraySchema(maxItems = 1000, minItems = 1) List<IngestItemBody> items) {
	}

}
