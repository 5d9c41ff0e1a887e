package com.walletdesk.ingest;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code java -jar walletdesk.jar import --file=…}: the command's work, run in this application. */
@IntegrationTest
class ImportCommandIT {

	@Autowired
	ImportCommand command;

	@Autowired
	TestData data;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void importsAFileAndPrintsItsFiguresAndErrors() throws Exception {
		MerchantNode store = this.data.eurStore(this.data.group("command", null).id());
		String at = Instant.now().minus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS).toString();
		String good = ImportApiIT.byIdRow(store.id(), TestData.randomTransactionId(), "", "charge", "APP", "5.00", "EUR", at);
		String bad = ImportApiIT.byIdRow(store.id(), TestData.randomTransactionId(), "", "charge", "VERIFONE", "5.00", "EUR", at);
		Path file = Files.writeString(this.dir.resolve("t.csv"), ImportApiIT.BY_ID_HEADER + "\n" + good + "\n" + bad + "\n");

		Run dry = run("import", "--file=" + file, "--dry-run");
		assertThat(dry.code()).isEqualTo(1);
		assertThat(dry.out()).contains("rejected (dry run)", "rows 2, accepted 1, stored 0, rejected 1",
				"line 3, column Channel: UNSUPPORTED_CHANNEL");
		assertThat(dry.out()).containsPattern("elapsed [\\d.]+ s, \\d+ rows/s, peak heap \\d+ MB");

		Run partial = run("import", "--file=" + file, "--partial");
		assertThat(partial.code()).isZero();
		assertThat(partial.out()).contains("imported (partial)", "stored 1, rejected 1");
		assertThat(this.jdbc.sql("SELECT COUNT(*) FROM wallet_transaction WHERE store_id = :s")
			.param("s", store.id()).query(Long.class).single()).isEqualTo(1);

		assertThat(run("import", "--file=" + this.dir.resolve("missing.csv")).code()).isEqualTo(2);
		assertThat(run("import").code()).isEqualTo(2);
	}

	@Test
	void onlyTheImportArgumentStartsTheCommand() {
		assertThat(ImportCommand.asked(new String[] { "import", "--file=x" })).isTrue();
		assertThat(ImportCommand.asked(new String[] { "--server.port=8080" })).isFalse();
		assertThat(ImportCommand.asked(new String[0])).isFalse();
	}

	record Run(int code, String out) {
	}

	Run run(String... args) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		int code = this.command.execute(new DefaultApplicationArguments(args), new PrintStream(bytes, true, StandardCharsets.UTF_8));
		return new Run(code, bytes.toString(StandardCharsets.UTF_8));
	}

}
