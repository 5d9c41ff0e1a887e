-- The refunds pending when V36 ran, reserved on the day rows of their China date (see common/V36).
-- A pending refund always has its day's row: it was reserved against that day's sales.
UPDATE transaction_day_total d SET refund_pending = p.amount
FROM (SELECT store_id, currency, (created_at AT TIME ZONE 'Asia/Shanghai')::date AS china_date, SUM(amount) AS amount
      FROM refund WHERE state = 'pending'
      GROUP BY store_id, currency, (created_at AT TIME ZONE 'Asia/Shanghai')::date) p
WHERE d.store_id = p.store_id AND d.currency = p.currency AND d.china_date = p.china_date;
