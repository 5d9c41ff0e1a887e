package com.walletdesk.support;

import static com.walletdesk.support.TestKeys.json;

/** Wallet configuration bodies for the tests, with the test key pairs of {@link TestKeys}. */
public final class TestWallets {

	/** The test merchant's API v3 key (32 characters). */
	public static final String API_V3_KEY = "TestApiV3Key-0123456789abcdefghi";

	public static final String WECHAT_PUBLIC_KEY_ID = "PUB_KEY_ID_0114232134912410000000000000";

	public static final String MERCHANT_SERIAL = "3775B6A45ACD588826D15E583A95F5DD00000000";

	private TestWallets() {
	}

	public static String wechatPay(String mchId) {
		return """
				{"provider":"WECHATPAY_GLOBAL","mchId":"%s","appId":"wxd678efh567hg6787","merchantSerialNo":"%s",
				 "merchantPrivateKey":%s,"apiV3Key":"%s","wechatPayPublicKey":%s,"wechatPayPublicKeyId":"%s"}"""
			.formatted(mchId, MERCHANT_SERIAL, json(TestKeys.privatePem(TestKeys.merchant())), API_V3_KEY,
					json(TestKeys.publicPem(TestKeys.wallet())), WECHAT_PUBLIC_KEY_ID);
	}

	public static String antom(String clientId) {
		return """
				{"provider":"ANTOM","clientId":"%s","merchantPrivateKey":%s,"antomPublicKey":%s,"keyVersion":"1"}"""
			.formatted(clientId, json(TestKeys.privatePem(TestKeys.merchant())),
					json(TestKeys.publicPem(TestKeys.wallet())));
	}

}
