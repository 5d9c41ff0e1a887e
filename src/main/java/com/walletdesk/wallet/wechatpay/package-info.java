/**
 * WeChat Pay Global (API v3, cross-border) behind the wallet port: signed requests, verified
 * answers, the outcome mapping of API.md, and the notifications' signature and decryption.
 * JDK crypto and {@code java.net.http} only (no SDK).
 */
@org.springframework.modulith.NamedInterface("wechatpay")
package com.walletdesk.wallet.wechatpay;
