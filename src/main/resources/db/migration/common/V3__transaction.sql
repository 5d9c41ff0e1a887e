-- Gateway transactions, built for ~10M rows over thousands of stores.
-- Amounts are minor units of `currency`. For charges, `refunded` and `refund_pending` are kept
-- in step with the refunds (app refunds and dashboard refunds); the CHECK makes the database
-- itself refuse any write that would refund more than the charge.
CREATE TABLE wallet_transaction (
    id               VARCHAR(12)  NOT NULL PRIMARY KEY,
    store_id         BIGINT       NOT NULL REFERENCES merchant_node (id),
    type             VARCHAR(16)  NOT NULL CHECK (type IN ('charge', 'refund', 'refund_dashboard')),
    method           VARCHAR(3)   NOT NULL CHECK (method IN ('ALP', 'WXP')),
    channel          VARCHAR(11)  NOT NULL CHECK (channel IN ('APP', 'PAY_BY_LINK')),
    amount           BIGINT       NOT NULL CHECK (amount > 0),
    tip              BIGINT       NOT NULL DEFAULT 0 CHECK (tip >= 0),
    currency         CHAR(3)      NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    reference        VARCHAR(64),
    vendor_reference VARCHAR(64),
    parent_id        VARCHAR(12) REFERENCES wallet_transaction (id),
    terminal_id      VARCHAR(32),
    login_code       VARCHAR(32),
    card_number      VARCHAR(32),
    dispute_tag      VARCHAR(64),
    transaction_tag  VARCHAR(64),
    refunded         BIGINT       NOT NULL DEFAULT 0,
    refund_pending   BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT transaction_id_digits CHECK (LENGTH(id) = 12),
    CONSTRAINT refund_has_parent CHECK (type = 'charge' OR parent_id IS NOT NULL),
    CONSTRAINT refunds_within_amount CHECK (refunded >= 0 AND refund_pending >= 0 AND refunded + refund_pending <= amount)
);
-- Transaction Lookup, keyset paging and "newest transaction of a store".
CREATE INDEX wallet_transaction_store_time ON wallet_transaction (store_id, created_at, id);
-- All Transactions Search over many stores in a period.
CREATE INDEX wallet_transaction_time ON wallet_transaction (created_at, id);
-- Refunds of a charge.
CREATE INDEX wallet_transaction_parent ON wallet_transaction (parent_id);
-- ID prefix search uses the primary key (a range over 12-digit strings);
-- reference prefix search has a vendor-specific index (V4).

-- IDs this system issues (ingestion without an id, dashboard refunds): unique across instances.
CREATE SEQUENCE transaction_id_seq START WITH 900000000000 INCREMENT BY 1;
