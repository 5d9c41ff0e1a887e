/**
 * Secrets at rest: AES-256-GCM sealing under the key in {@code walletdesk.secrets.key} (base64, 32
 * bytes, from the environment). Used by the wallet configurations and the TOTP secrets. No tables,
 * no dependencies on other modules.
 */
package com.walletdesk.secrets;
