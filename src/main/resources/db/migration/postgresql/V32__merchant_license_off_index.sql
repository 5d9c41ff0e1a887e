-- Every signed-in request of a merchant asks whether a node above its scope has its license
-- switched off (MerchantNodes.findWithLicense). Few nodes are ever switched off: this index
-- holds only those, so the question costs the same with ten stores or a hundred thousand.
-- (H2, the embedded database, has no partial indexes and small trees; it scans.)
CREATE INDEX merchant_node_license_off ON merchant_node (path) WHERE license_active = FALSE;
