-- H2 has neither expression indexes nor operator classes; the embedded database is for demos.
CREATE INDEX wallet_transaction_reference ON wallet_transaction (reference);
