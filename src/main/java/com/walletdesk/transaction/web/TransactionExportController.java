package com.walletdesk.transaction.web;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.servlet.http.HttpServletResponse;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.transaction.TransactionExports;
import com.walletdesk.transaction.TransactionFilter;
import com.walletdesk.web.RequestParams;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Transaction Lookup and All Transactions Search as CSV files (API.md "Export and totals"):
 * every row of the query, not a page. Scope, the query string and the size are checked before
 * the response starts (a refusal is problem JSON); then the rows are written straight to the
 * response as the database hands them over.
 */
@RestController
class TransactionExportController {

	private final TransactionExports exports;

	TransactionExportController(TransactionExports exports) {
		this.exports = exports;
	}

	@GetMapping("/api/v1/stores/{storeId}/transactions/export")
	@Operation(summary = "Transaction Lookup as CSV: every row of the query, newest first")
	@ApiResponse(responseCode = "200", description = "RFC 4180 CSV with a header row",
			content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
	void lookup(CurrentUser user, @PathVariable String storeId, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String q,
			HttpServletResponse response) throws IOException {
		long store = RequestParams.numericId(storeId, "Store");
		TransactionExports.Export export = this.exports.lookup(user, store, filter(from, to, q));
		send(export, "transactions-store-" + store, response);
	}

	@GetMapping("/api/v1/transactions/export")
	@Operation(summary = "All Transactions Search as CSV: every row of the query, newest first")
	@ApiResponse(responseCode = "200", description = "RFC 4180 CSV with a header row",
			content = @Content(mediaType = "text/csv", schema = @Schema(type = "string")))
	void search(CurrentUser user, @RequestParam(required = false) String from, @RequestParam(required = false) String to,
			@RequestParam(required = false) String q, HttpServletResponse response) throws IOException {
		send(this.exports.search(user, filter(from, to, q)), "transactions-all", response);
	}

	private static TransactionFilter filter(String from, String to, String q) {
		return TransactionFilter.parse(from, to, q, null, null);
	}

	private static void send(TransactionExports.Export export, String name, HttpServletResponse response)
			throws IOException {
		response.setContentType("text/csv;charset=UTF-8");
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
			.filename(name + "-" + export.period().from() + "-" + export.period().to() + ".csv")
			.build()
			.toString());
		// the rows are the caller's own data: never kept by a shared cache
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		Writer out = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8),
				64 * 1024);
		TransactionCsv.write(export, out);
	}

}
