package com.walletdesk.ingest;

import java.io.IOException;
import java.io.PrintStream;
import java.io.Reader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import com.walletdesk.web.ProblemException;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * The command {@code java -jar walletdesk.jar import --file=… [--dry-run] [--partial]}: the same
 * import as the page and the API, against the configured database, for files too large to
 * upload. The application starts without its HTTP port ({@link #PROPERTIES}), imports, prints
 * the report and its figures, and exits: 0 when the file was imported (or, dry, would be), 1
 * when it was rejected, 2 when the command itself was wrong.
 */
@Component
public class ImportCommand implements ApplicationRunner {

	static final String NAME = "import";

	/** What the command starts with: no HTTP port, no reconciler, no demo data. */
	public static final List<String> PROPERTIES = List.of("--server.port=-1", "--walletdesk.refund.reconcile.enabled=false",
			"--walletdesk.demo.enabled=false", "--spring.main.banner-mode=off");

	private final TransactionImport imports;

	private final ApplicationContext context;

	ImportCommand(TransactionImport imports, ApplicationContext context) {
		this.imports = imports;
		this.context = context;
	}

	/** Whether these command-line arguments ask for the import command. */
	public static boolean asked(String[] args) {
		return args.length > 0 && NAME.equals(args[0]);
	}

	@Override
	public void run(ApplicationArguments args) {
		if (!args.getNonOptionArgs().equals(List.of(NAME))) {
			return;
		}
		int code = execute(args, System.out);
		System.exit(SpringApplication.exit(this.context, () -> code));
	}

	int execute(ApplicationArguments args, PrintStream out) {
		List<String> files = args.getOptionValues("file");
		if (files == null || files.size() != 1 || files.get(0).isBlank()) {
			out.println("usage: java -jar walletdesk.jar import --file=transactions.csv [--dry-run] [--partial]");
			return 2;
		}
		Path file = Path.of(files.get(0));
		TransactionImport.Options options = new TransactionImport.Options(args.containsOption("dry-run"),
				args.containsOption("partial"));
		List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans()
			.stream()
			.filter(pool -> pool.getType() == MemoryType.HEAP)
			.toList();
		heap.forEach(MemoryPoolMXBean::resetPeakUsage);
		ImportReport report;
		try (Reader csv = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
			report = this.imports.importCsv(csv, options, "command line (" + System.getProperty("user.name") + ")",
					file.getFileName().toString());
		}
		catch (NoSuchFileException ex) {
			out.println("import: no such file: " + file);
			return 2;
		}
		catch (IOException ex) {
			out.println("import: cannot read " + file + ": " + ex.getMessage());
			return 2;
		}
		catch (ProblemException ex) {
			out.println("import: rejected: " + ex.code() + ": " + ex.getMessage());
			return 1;
		}
		long peakHeap = heap.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
		print(report, peakHeap, out);
		return ImportReport.REJECTED.equals(report.status()) ? 1 : 0;
	}

	private static void print(ImportReport report, long peakHeap, PrintStream out) {
		double seconds = Math.max(report.elapsedMillis(), 1) / 1000.0;
		out.printf(Locale.ROOT, "import %s: %s%s%s%n", report.id(), report.status(), report.dryRun() ? " (dry run)" : "",
				report.partial() ? " (partial)" : "");
		out.printf(Locale.ROOT, "rows %d, accepted %d, stored %d, rejected %d%n", report.rows(), report.accepted(),
				report.stored(), report.rejected());
		out.printf(Locale.ROOT, "elapsed %.1f s, %.0f rows/s, peak heap %.0f MB%n", seconds, report.rows() / seconds,
				peakHeap / 1048576.0);
		for (ImportError error : report.errors()) {
			out.printf(Locale.ROOT, "line %d%s: %s %s%n", error.line(),
					error.column() == null ? "" : ", column " + error.column(), error.code(), error.message());
		}
		if (report.rejected() > report.errors().size()) {
			out.println("(the first " + report.errors().size() + " errors are listed)");
		}
	}

}
