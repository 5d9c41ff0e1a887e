-- The sandbox wallet's own books (module wallet.sandbox). They stand for a wallet outside this
-- system, so nothing here refers to our tables. One row per refund key: the primary key is what
-- makes the simulated wallet apply a key at most once, like Alipay's out_request_no and
-- WeChat Pay's out_refund_no.
CREATE TABLE sandbox_wallet_refund (
    refund_key          VARCHAR(64)  NOT NULL PRIMARY KEY,
    charge_id           VARCHAR(64)  NOT NULL,
    store_id            BIGINT       NOT NULL,
    amount              BIGINT       NOT NULL CHECK (amount > 0),
    currency            CHAR(3)      NOT NULL,
    status              VARCHAR(9)   NOT NULL CHECK (status IN ('SUCCEEDED', 'DECLINED')),
    provider_reference  VARCHAR(64)  NOT NULL,
    message             VARCHAR(500),
    requests            INT          NOT NULL DEFAULT 1,
    received_at         TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX sandbox_wallet_refund_charge ON sandbox_wallet_refund (charge_id);

-- How the sandbox answers: scope '*' (every store) or 'store:<id>'.
CREATE TABLE sandbox_wallet_setting (
    scope       VARCHAR(32)  NOT NULL PRIMARY KEY,
    mode        VARCHAR(20)  NOT NULL CHECK (mode IN ('APPROVE', 'DECLINE', 'SLOW', 'TIMEOUT', 'APPLY_THEN_TIMEOUT', 'UNAVAILABLE')),
    message     VARCHAR(500),
    delay_ms    BIGINT       NOT NULL DEFAULT 0 CHECK (delay_ms >= 0),
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
