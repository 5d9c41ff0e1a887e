package com.walletdesk.refund.web;

import java.util.List;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.refund.RefundAttention;
import com.walletdesk.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Refunds waiting for an operator (docs/wallets.md "Refunds that need an operator"): the ones a
 * wallet reports stuck (WeChat Pay {@code ABNORMAL}), still pending and reserved. Operators only
 * (SecurityConfig at the door, {@link RefundAttention} again).
 */
@RestController
class AdminRefundApiController {

	static final String ATTENTION = "attention";

	private final RefundAttention attention;

	AdminRefundApiController(RefundAttention attention) {
		this.attention = attention;
	}

	@GetMapping("/api/v1/admin/refunds")
	@Operation(summary = "Refunds that need an operator (status=attention)",
			description = "Pending refunds a wallet reports stuck on its side (WeChat Pay ABNORMAL), longest "
					+ "waiting first, at most 500. They stay reserved and are never released automatically. "
					+ "Refusals: 400 INVALID_STATUS (status other than attention), 403 not an operator.",
			responses = {
					@ApiResponse(responseCode = "200", description = "The refunds",
							content = @Content(schema = @Schema(implementation = AttentionList.class))),
					@ApiResponse(responseCode = "400", description = "status is not attention",
							content = @Content(mediaType = "application/problem+json")),
					@ApiResponse(responseCode = "403", description = "Not an operator",
							content = @Content(mediaType = "application/problem+json")) })
	AttentionList list(CurrentUser operator,
			@Parameter(description = "only attention", schema = @Schema(allowableValues = ATTENTION))
			@RequestParam(required = false) String status) {
		if (!ATTENTION.equals(status)) {
			throw ProblemException.invalidField("INVALID_STATUS", "status", "must be attention");
		}
		return new AttentionList(this.attention.list(operator).stream().map(AttentionJson::of).toList());
	}

	record AttentionList(List<AttentionJson> items) {
	}

	/**
	 * A refund waiting for an operator, in the API's conventions: {@code parentId} is the charge,
	 * {@code since} when the wallet first reported it stuck.
	 */
	@Schema(name = "RefundNeedingAttention")
	record AttentionJson(String id, String parentId, String storeId, String storeName, String amount, String currency,
			String provider, String providerReference, String walletCode, String walletMessage, String createdBy,
			String createdAt, String since) {

		static AttentionJson of(RefundAttention.Item item) {
			return new AttentionJson(item.id(), item.chargeId(), String.valueOf(item.storeId()), item.storeName(),
					item.amount().toDecimalString(), item.amount().currency().getCurrencyCode(), item.provider(),
					item.providerReference(), item.walletCode(), item.walletMessage(), item.createdBy(),
					item.createdAt().toString(), item.since().toString());
		}

	}

}
