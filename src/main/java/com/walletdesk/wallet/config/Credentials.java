package com.walletdesk.wallet.config;

/** A live wallet's merchant credentials, opened from their sealed form; {@code toString} shows no key. */
public sealed interface Credentials permits WechatPayCredentials, AntomCredentials {

}
