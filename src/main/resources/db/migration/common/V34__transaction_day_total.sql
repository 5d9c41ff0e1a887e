-- Each store's charges and refunds (both kinds) per currency and China date (Asia/Shanghai),
-- kept up by every insert into wallet_transaction in the same database transaction. The
-- refund's daily balance reads one row here instead of summing the store's whole day.
CREATE TABLE transaction_day_total (
    store_id    BIGINT   NOT NULL REFERENCES merchant_node (id),
    currency    CHAR(3)  NOT NULL,
    china_date  DATE     NOT NULL,
    sales       BIGINT   NOT NULL DEFAULT 0 CHECK (sales >= 0),
    refunds     BIGINT   NOT NULL DEFAULT 0 CHECK (refunds >= 0),
    PRIMARY KEY (store_id, currency, china_date)
);
