/**
 * Antom (Alipay's global API) behind the wallet port: signed requests, verified answers,
 * {@code resultStatus} S/F/U, {@code inquiryRefund}, and the notifications' signature.
 */
@org.springframework.modulith.NamedInterface("antom")
package com.walletdesk.wallet.antom;
