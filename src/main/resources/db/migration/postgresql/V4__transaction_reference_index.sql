-- Case-insensitive prefix search on the Pay By Link reference, whatever the database collation.
CREATE INDEX wallet_transaction_reference ON wallet_transaction (lower(reference) text_pattern_ops) WHERE reference IS NOT NULL;
