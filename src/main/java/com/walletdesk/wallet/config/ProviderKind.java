package com.walletdesk.wallet.config;

/** The wallets a store/method can be connected to (the {@code provider} field of API.md). */
public enum ProviderKind {

	SANDBOX, WECHATPAY_GLOBAL, ANTOM;

	public boolean isLive() {
		return this != SANDBOX;
	}

}
