package com.walletdesk.ingest.web;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;

import jakarta.servlet.http.HttpServletResponse;

import com.walletdesk.account.CurrentUser;
import com.walletdesk.ingest.ImportReport;
import com.walletdesk.ingest.TransactionImport;
import com.walletdesk.web.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The console's import page: upload a CSV file, check it (a dry run listing the first errors by
 * line and column), then import it. The same {@link TransactionImport} as the API and the
 * command; files too large for a browser upload go through the command.
 */
@Controller
class ImportPageController {

	static final String VIEW = "admin/import";

	static final int HISTORY = 20;

	private final TransactionImport imports;

	ImportPageController(TransactionImport imports) {
		this.imports = imports;
	}

	@GetMapping("/admin/import")
	String form(CurrentUser operator, Model model) {
		operator.requireOperator();
		return page(model);
	}

	@PostMapping("/admin/import")
	String upload(CurrentUser operator, @RequestParam(required = false) MultipartFile file,
			@RequestParam(required = false) String mode, @RequestParam(required = false) String partial, Model model,
			HttpServletResponse response) throws IOException {
		operator.requireOperator();
		boolean dryRun = !"import".equals(mode);
		boolean keepGood = ImportForm.flag("partial", partial);
		model.addAttribute("partial", keepGood);
		if (file == null || file.isEmpty()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("fileError", "IMPORT_FILE_REQUIRED");
			return page(model);
		}
		String name = file.getOriginalFilename() == null ? "upload.csv" : file.getOriginalFilename();
		ImportReport report;
		try (Reader csv = new InputStreamReader(file.getInputStream(), StandardCharsets.UTF_8)) {
			report = this.imports.importCsv(csv, new TransactionImport.Options(dryRun, keepGood), operator.username(),
					name.length() > 200 ? name.substring(0, 200) : name);
		}
		catch (ProblemException ex) {
			if (ex.status() != HttpStatus.BAD_REQUEST) {
				throw ex;
			}
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("fileError", ex.code());
			model.addAttribute("fileProblem", ex.getMessage() + (ex.fields().isEmpty() ? "" : ": " + String.join(", ", ex.fields().keySet())));
			return page(model);
		}
		model.addAttribute("report", report);
		model.addAttribute("fileName", name);
		return page(model);
	}

	private String page(Model model) {
		model.addAttribute("history", this.imports.latest(HISTORY));
		return VIEW;
	}

}
