package com.walletdesk.wallet.config;

import java.security.PrivateKey;
import java.security.PublicKey;

/** An Antom merchant: its client ID, its private key, Antom's public key and the key version. */
public record AntomCredentials(String clientId, PrivateKey merchantPrivateKey, PublicKey antomPublicKey,
		String keyVersion) implements Credentials {

	@Override
	public String toString() {
		return "AntomCredentials[clientId=" + this.clientId + ", keyVersion=" + this.keyVersion + ", keys hidden]";
	}

}
