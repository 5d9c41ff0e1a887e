/**
 * The sandbox wallet: test and demo equipment, not product. An in-process simulator behind the
 * wallet module's {@code WalletProvider} port, with its own books (tables
 * {@code sandbox_wallet_*}) and an operator endpoint to set how it answers. Nothing else depends
 * on this package; all of it is switched off by naming another wallet provider
 * ({@link com.walletdesk.sandbox.ConditionalOnSandboxWallet}).
 */
package com.walletdesk.sandbox;
