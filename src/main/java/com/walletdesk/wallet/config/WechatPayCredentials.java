package com.walletdesk.wallet.config;

import java.security.PrivateKey;
import java.security.PublicKey;

/**
 * A WeChat Pay Global merchant (API v3). With {@code subMchId} the merchant is an institution
 * acting for a sub-merchant ({@code sp_mchid}/{@code sub_mchid}).
 *
 * @param apiV3Key the 32-character key that decrypts notifications
 */
public record WechatPayCredentials(String mchId, String subMchId, String appId, String subAppId,
		String merchantSerialNo, PrivateKey merchantPrivateKey, String apiV3Key, PublicKey wechatPayPublicKey,
		String wechatPayPublicKeyId) implements Credentials {

	public boolean institutional() {
		return this.subMchId != null;
	}

	@Override
	public String toString() {
		return "WechatPayCredentials[mchId=" + this.mchId + ", subMchId=" + this.subMchId + ", serialNo="
				+ this.merchantSerialNo + ", keys hidden]";
	}

}
