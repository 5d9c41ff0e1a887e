-- Issue 17. The TOTP secrets become AES-GCM sealed values ("v1:" + base64, about 80 characters;
-- see docs/wallets.md "Secrets at rest"): the columns grow. Rows already there are sealed by the
-- application at its first start with walletdesk.secrets.key (account module, MfaSecretSealing):
-- the key lives only in the environment, which a migration does not see.
ALTER TABLE account ALTER COLUMN mfa_secret SET DATA TYPE VARCHAR(200);
ALTER TABLE account ALTER COLUMN mfa_pending_secret SET DATA TYPE VARCHAR(200);

-- Which wallet a store's refunds of one method go to (wallet module). The identifiers are kept as
-- JSON text (returned by the API); the keys only sealed (never returned, logged or audited).
CREATE TABLE wallet_config (
    store_id        BIGINT       NOT NULL REFERENCES merchant_node (id),
    method          VARCHAR(3)   NOT NULL CHECK (method IN ('ALP', 'WXP')),
    provider        VARCHAR(20)  NOT NULL CHECK (provider IN ('SANDBOX', 'WECHATPAY_GLOBAL', 'ANTOM')),
    identifiers     VARCHAR(2000) NOT NULL,
    sealed_secrets  VARCHAR(20000),
    configured_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    configured_by   VARCHAR(100) NOT NULL,
    PRIMARY KEY (store_id, method)
);
