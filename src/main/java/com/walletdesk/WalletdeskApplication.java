package com.walletdesk;

import java.util.stream.Stream;

import com.walletdesk.ingest.ImportCommand;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class WalletdeskApplication {

	public static void main(String[] args) {
		// `import --file=…` runs the CSV import and exits (ImportCommand); the command's own
		// settings come first, so the caller's arguments may still override them
		String[] arguments = ImportCommand.asked(args)
				? Stream.concat(ImportCommand.PROPERTIES.stream(), Stream.of(args)).toArray(String[]::new) : args;
		SpringApplication.run(WalletdeskApplication.class, arguments);
	}

}
