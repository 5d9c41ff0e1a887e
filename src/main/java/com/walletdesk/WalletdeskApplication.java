package com.walletdesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class WalletdeskApplication {

	public static void main(String[] args) {
		SpringApplication.run(WalletdeskApplication.class, args);
	}

}
