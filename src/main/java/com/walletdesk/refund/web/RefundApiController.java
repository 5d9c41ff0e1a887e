package com.walletdesk.refund.web;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.refund.RefundCommand;
import com.walletdesk.refund.RefundResult;
import com.walletdesk.refund.RefundService;
import com.walletdesk.web.ProblemResponses;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/** API.md "Refunds": refund a charge, and list a charge's refunds. */
@RestController
class RefundApiController {

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	private final RefundService refunds;

	RefundApiController(RefundService refunds) {
		this.refunds = refunds;
	}

	@PostMapping("/api/v1/transactions/{id}/refunds")
	@Operation(summary = "Refund a charge, fully (no amount) or in part",
			description = "The same Idempotency-Key and body replay the first answer; a new key per refund. "
					+ "Refusals: 400 IDEMPOTENCY_KEY_REQUIRED / IDEMPOTENCY_KEY_TOO_LONG / IDEMPOTENCY_KEY_INVALID, "
					+ "403 REFUND_NOT_PERMITTED, 404, 409 REQUEST_IN_PROGRESS, 422 NOT_REFUNDABLE, "
					+ "REFUND_EXCEEDS_REMAINING, INVALID_AMOUNT, REASON_REQUIRED, DAILY_BALANCE_EXCEEDED, "
					+ "PROVIDER_DECLINED, IDEMPOTENCY_KEY_REUSED.",
			parameters = @Parameter(name = IDEMPOTENCY_KEY, in = ParameterIn.HEADER, required = true,
					description = "1 to 255 printable ASCII characters, one per refund"),
			responses = {
					@ApiResponse(responseCode = "201", description = "Refunded (succeeded) or accepted (pending)",
							content = @Content(schema = @Schema(implementation = RefundCreated.class))),
					@ApiResponse(responseCode = "422", description = "Refused; nothing refunded or reserved",
							content = @Content(mediaType = "application/problem+json")) })
	ResponseEntity<?> refund(CurrentUser user, @PathVariable String id,
			@Parameter(hidden = true) @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String idempotencyKey,
			@RequestBody(required = false) RefundBody body, HttpServletRequest request) {
		RefundCommand command = body == null ? new RefundCommand(null, null)
				: new RefundCommand(body.amount(), body.reason());
		RefundResult result = this.refunds.refund(user, id, command, idempotencyKey);
		if (!result.isAccepted()) {
			return ProblemResponses.entity(result.status(), result.code(), result.message(), result.fields(), request);
		}
		return ResponseEntity.status(result.status())
			.body(new RefundCreated(RefundJson.of(result.refund()), result.remaining().toDecimalString()));
	}

	@GetMapping("/api/v1/transactions/{id}/refunds")
	@Operation(summary = "The dashboard refunds of a charge, oldest first")
	RefundList list(CurrentUser user, @PathVariable String id) {
		return new RefundList(this.refunds.refundsOf(user, id).stream().map(RefundJson::of).toList());
	}

	/**
	 * The request body. {@code amount} is a decimal string; a JSON number is read by its literal
	 * text (never as a floating-point value) and checked the same way.
	 */
	record RefundBody(String amount, String reason) {
	}

	/** 201: the refund, and what remains of the charge afterwards. */
	record RefundCreated(RefundJson refund, String remaining) {
	}

	record RefundList(List<RefundJson> items) {
	}

}
