-- The refunds pending when V36 ran, reserved on the day rows of their China date (see common/V36
-- and the PostgreSQL file). H2 formats the China date as in V35.
UPDATE transaction_day_total d SET refund_pending = COALESCE((
    SELECT SUM(r.amount) FROM refund r
    WHERE r.state = 'pending' AND r.store_id = d.store_id AND r.currency = d.currency
      AND CAST(FORMATDATETIME(r.created_at, 'yyyy-MM-dd', 'en', 'Asia/Shanghai') AS DATE) = d.china_date), 0);
