-- Refunds the wallet reports stuck on its side (WeChat Pay ABNORMAL): they stay pending and
-- reserved, never released by themselves, and are listed for an operator from the first time the
-- wallet said so (GET /api/v1/admin/refunds?status=attention, /admin/refunds).
ALTER TABLE refund ADD COLUMN attention_since TIMESTAMP WITH TIME ZONE;
CREATE INDEX refund_attention ON refund (attention_since);
