package com.walletdesk.ingest.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletRequest;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.ingest.ImportReport;
import com.walletdesk.ingest.TransactionImport;
import com.walletdesk.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /api/v1/admin/imports}: a transaction CSV file as the request body (operators
 * only, SecurityConfig), read as it arrives, never held whole.
 */
@RestController
class ImportApiController {

	private final TransactionImport imports;

	ImportApiController(TransactionImport imports) {
		this.imports = imports;
	}

	@PostMapping("/api/v1/admin/imports")
	@ResponseStatus(HttpStatus.CREATED)
	@Operation(summary = "Import transactions from a CSV file with the export's columns (all or nothing unless partial)",
			requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(mediaType = "text/csv", schema = @Schema(type = "string"))))
	ImportReport importCsv(CurrentUser operator, HttpServletRequest request,
			@RequestParam(required = false) String dryRun, @RequestParam(required = false) String partial)
			throws IOException {
		String type = request.getContentType();
		if (type == null || !MediaType.parseMediaType(type).isCompatibleWith(ImportForm.TEXT_CSV)) {
			throw new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
					"Send the file as text/csv (UTF-8)");
		}
		TransactionImport.Options options = new TransactionImport.Options(ImportForm.flag("dryRun", dryRun),
				ImportForm.flag("partial", partial));
		try (Reader csv = new InputStreamReader(request.getInputStream(), StandardCharsets.UTF_8)) {
			return this.imports.importCsv(csv, options, operator.username(), "API upload");
		}
	}

}
