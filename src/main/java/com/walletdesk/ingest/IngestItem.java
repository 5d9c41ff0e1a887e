package com.walletdesk.ingest;

/**
 * One transaction as a payment channel sends it (API.md "Ingestion"), every value still the
 * text it arrived as (null when absent); {@link IngestService} checks and converts it.
 */
public record IngestItem(String id, String storeId, String type, String method, String channel, String amount,
		String currency, String tip, String createdAt, String reference, String vendorReference, String parentId,
		String terminalId, String loginCode, String cardNumber, String disputeTag, String transactionTag) {

	/** The field names of the contract, as they appear in JSON. */
	public static final java.util.List<String> FIELDS = java.util.List.of("id", "storeId", "type", "method", "channel",
			"amount", "currency", "tip", "createdAt", "reference", "vendorReference", "parentId", "terminalId",
			"loginCode", "cardNumber", "disputeTag", "transactionTag");

	/** Builds an item from values in the order of {@link #FIELDS}. */
	public static IngestItem of(java.util.Map<String, String> values) {
		return new IngestItem(values.get("id"), values.get("storeId"), values.get("type"), values.get("method"),
				values.get("channel"), values.get("amount"), values.get("currency"), values.get("tip"),
				values.get("createdAt"), values.get("reference"), values.get("vendorReference"), values.get("parentId"),
				values.get("terminalId"), values.get("loginCode"), values.get("cardNumber"), values.get("disputeTag"),
				values.get("transactionTag"));
	}

}
