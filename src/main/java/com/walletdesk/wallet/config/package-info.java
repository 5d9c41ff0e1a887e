/**
 * Which wallet each store's refunds of a method go to, with the merchant's identifiers and keys
 * (API.md "Wallet providers"). The keys are sealed at rest ({@code com.walletdesk.secrets}) and
 * leave this package only as parsed key objects for the adapters, never as text.
 */
@org.springframework.modulith.NamedInterface("config")
package com.walletdesk.wallet.config;
