package com.walletdesk.refund;

import java.util.LinkedHashMap;
import java.util.Map;

import com.walletdesk.audit.AuditService;
import com.walletdesk.money.Money;

import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Every refund attempt in the audit trail, refused ones too: who (account; the source IP is
 * taken from the request by {@link AuditService}), which charge, amount, reason, outcome, code.
 * Outcomes: SUCCEEDED, PENDING, DECLINED (by the wallet), REFUSED (by us, with the code), ERROR;
 * the reconciler's settlements are recorded as RECONCILED_SUCCEEDED / RECONCILED_FAILED.
 */
@Component
class RefundAudit {

	static final String TYPE = "REFUND";

	static final String RECONCILER = "system:reconciler";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final AuditService audit;

	RefundAudit(AuditService audit) {
		this.audit = audit;
	}

	void attempt(String username, String chargeId, RefundCommand command, RefundResult result) {
		this.audit.record(TYPE, outcome(result), username, resource(chargeId), attemptDetails(command, result));
	}

	/** {@link #attempt}, written in the settlement's transaction (it commits, or rolls back, with it). */
	void settledAttempt(String username, String chargeId, RefundCommand command, RefundResult result) {
		this.audit.recordWithChange(TYPE, outcome(result), username, resource(chargeId), attemptDetails(command, result));
	}

	private static String outcome(RefundResult result) {
		return result.isAccepted() ? result.refund().status().name()
				: RefundCodes.PROVIDER_DECLINED.equals(result.code()) ? "DECLINED" : "REFUSED";
	}

	private static String attemptDetails(RefundCommand command, RefundResult result) {
		Map<String, Object> details = new LinkedHashMap<>();
		if (result.refund() != null) {
			details.put("refund", result.refund().id());
			put(details, result.refund().amount());
		}
		else {
			details.put("amount", command.amount() == null ? "whole remaining" : clip(command.amount(), 40));
		}
		details.put("reason", clip(command.reason(), 300));
		if (result.code() != null) {
			details.put("code", result.code());
		}
		if (result.replayed()) {
			details.put("replayed", true);
		}
		return json(details);
	}

	void error(String username, String chargeId, RefundCommand command, RuntimeException error) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("amount", command.amount() == null ? "whole remaining" : clip(command.amount(), 40));
		details.put("reason", clip(command.reason(), 300));
		details.put("error", error.getClass().getSimpleName());
		this.audit.record(TYPE, "ERROR", username, resource(chargeId), json(details));
	}

	/** The reconciler's settlement of a refund, written in the settlement's transaction: who asked for it, and the outcome. */
	void reconciled(Refund refund) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("refund", String.valueOf(refund.id()));
		put(details, refund.amountMoney());
		details.put("reason", refund.reason());
		details.put("requestedBy", refund.createdBy());
		details.put("attempts", refund.attempts());
		if (refund.providerMessage() != null) {
			details.put("message", refund.providerMessage());
		}
		this.audit.recordWithChange(TYPE, "RECONCILED_" + refund.state().name(), RECONCILER,
				resource(refund.chargeId()), json(details));
	}

	private static void put(Map<String, Object> details, Money amount) {
		details.put("amount", amount.toDecimalString());
		details.put("currency", amount.currency().getCurrencyCode());
	}

	/** Input as sent can be anything: keep the trail readable and within its column. */
	private static String clip(String value, int max) {
		return value == null || value.length() <= max ? value : value.substring(0, max) + "...";
	}

	private static String resource(String chargeId) {
		return "transaction:" + chargeId;
	}

	private static String json(Map<String, Object> details) {
		return JSON.writeValueAsString(details);
	}

}
