-- The day totals of the transactions stored before V34 (see common/V34).
INSERT INTO transaction_day_total (store_id, currency, china_date, sales, refunds)
SELECT store_id, currency, (created_at AT TIME ZONE 'Asia/Shanghai')::date,
       COALESCE(SUM(CASE WHEN type = 'charge' THEN amount ELSE 0 END), 0),
       COALESCE(SUM(CASE WHEN type <> 'charge' THEN amount ELSE 0 END), 0)
FROM wallet_transaction
GROUP BY store_id, currency, (created_at AT TIME ZONE 'Asia/Shanghai')::date;
