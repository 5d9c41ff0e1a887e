package com.walletdesk.paylink.web;

import java.util.List;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.paylink.NewPaymentLink;
import com.walletdesk.paylink.PaymentLinkService;
import com.walletdesk.web.RequestParams;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API.md "Pay By Link": a store's payment links, for merchants with the store in scope and operators. */
@RestController
class PaymentLinkApiController {

	private final PaymentLinkService links;

	PaymentLinkApiController(PaymentLinkService links) {
		this.links = links;
	}

	@PostMapping("/api/v1/stores/{storeId}/payment-links")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Create a payment link of a store",
			description = "amount (decimal string, the store's currency), reference (1..64 characters, unique per "
					+ "store), description? (..500), expiresAt? (ISO instant; default 7 days, at most a year ahead), "
					+ "methods? (ALP, WXP; default both), currency? (must be the store's). Refusals: 400 "
					+ "VALIDATION_FAILED, 409 DUPLICATE_REFERENCE, 422 INVALID_AMOUNT, CURRENCY_MISMATCH, INVALID_EXPIRY.",
			responses = {
					@ApiResponse(responseCode = "201", description = "The link, with its URL and QR code",
							content = @Content(schema = @Schema(implementation = PaymentLinkJson.class))),
					@ApiResponse(responseCode = "409", description = "DUPLICATE_REFERENCE: the store has a link with this reference"),
					@ApiResponse(responseCode = "422", description = "INVALID_AMOUNT, CURRENCY_MISMATCH or INVALID_EXPIRY") })
	PaymentLinkJson create(CurrentUser user, @PathVariable String storeId,
			@RequestBody(required = false) LinkBody body) {
		LinkBody request = body == null ? new LinkBody(null, null, null, null, null, null) : body;
		return PaymentLinkJson.of(this.links.create(user, RequestParams.pathId(storeId, "Store"),
				new NewPaymentLink(request.amount(), request.currency(), request.reference(), request.description(),
						request.expiresAt(), request.methods())),
				true);
	}

	@GetMapping("/api/v1/stores/{storeId}/payment-links")
	@Operation(summary = "A store's payment links, newest first",
			description = "status? (active, paid, cancelled, expired), limit 1..500 (default 50), cursor (nextCursor "
					+ "of the page before). Items come without qrCodeSvg. Refusals: 400 VALIDATION_FAILED, INVALID_LIMIT, "
					+ "INVALID_CURSOR.")
	LinkList list(CurrentUser user, @PathVariable String storeId, @RequestParam(required = false) String status,
			@RequestParam(required = false) String limit, @RequestParam(required = false) String cursor) {
		PaymentLinkService.LinkPage page = this.links.list(user, RequestParams.pathId(storeId, "Store"), status, limit,
				cursor);
		return new LinkList(page.items().stream().map(view -> PaymentLinkJson.of(view, false)).toList(),
				page.nextCursor());
	}

	@GetMapping("/api/v1/stores/{storeId}/payment-links/{id}")
	@Operation(summary = "One payment link of a store, with its QR code")
	PaymentLinkJson get(CurrentUser user, @PathVariable String storeId, @PathVariable String id) {
		return PaymentLinkJson.of(this.links.get(user, RequestParams.pathId(storeId, "Store"),
				RequestParams.pathId(id, "Payment link")), true);
	}

	@PostMapping("/api/v1/stores/{storeId}/payment-links/{id}/cancel")
	@Operation(summary = "Cancel an active payment link: it takes no payment from now on",
			responses = {
					@ApiResponse(responseCode = "200", description = "The link, status cancelled",
							content = @Content(schema = @Schema(implementation = PaymentLinkJson.class))),
					@ApiResponse(responseCode = "409",
							description = "LINK_NOT_ACTIVE: the link is paid, cancelled or expired already") })
	PaymentLinkJson cancel(CurrentUser user, @PathVariable String storeId, @PathVariable String id) {
		return PaymentLinkJson.of(this.links.cancel(user, RequestParams.pathId(storeId, "Store"),
				RequestParams.pathId(id, "Payment link")), false);
	}

	/** The request body; a member no field takes is refused (400 VALIDATION_FAILED). */
	@Schema(name = "NewPaymentLink")
	record LinkBody(@Schema(example = "25.00", requiredMode = Schema.RequiredMode.REQUIRED) String amount,
			@Schema(example = "EUR", description = "the store's currency (the default)") String currency,
			@Schema(example = "PBL-2026-000123", requiredMode = Schema.RequiredMode.REQUIRED) String reference,
			String description,
			@Schema(example = "2026-12-31T23:00:00Z", description = "default: 7 days from now") String expiresAt,
			@Schema(description = "ALP and/or WXP; default both") List<String> methods) {
	}

	record LinkList(List<PaymentLinkJson> items, String nextCursor) {
	}

}
