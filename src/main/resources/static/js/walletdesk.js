// Walletdesk: no inline scripts (CSP script-src 'self')
