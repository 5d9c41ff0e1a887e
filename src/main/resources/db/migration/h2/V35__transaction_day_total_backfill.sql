-- The day totals of the transactions stored before V34 (see common/V34). H2's CAST of a
-- zoned timestamp to DATE takes the UTC date, so the China date is formatted in its zone.
INSERT INTO transaction_day_total (store_id, currency, china_date, sales, refunds)
SELECT store_id, currency, CAST(FORMATDATETIME(created_at, 'yyyy-MM-dd', 'en', 'Asia/Shanghai') AS DATE),
       COALESCE(SUM(CASE WHEN type = 'charge' THEN amount ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN type <> 'charge' THEN amount ELSE 0 END), 0)
FROM wallet_transaction
GROUP BY store_id, currency, CAST(FORMATDATETIME(created_at, 'yyyy-MM-dd', 'en', 'Asia/Shanghai') AS DATE);
