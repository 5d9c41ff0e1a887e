-- Transaction IDs are 12 digits. The sequence stops there (nextval fails) instead of handing out
-- a 13-digit value that an INSERT making its own ID (LPAD to 12) would cut short.
ALTER SEQUENCE transaction_id_seq MAXVALUE 999999999999;
