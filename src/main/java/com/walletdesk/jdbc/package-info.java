/**
 * Helpers over Spring JDBC that several modules' repositories share; no rules and no tables of
 * its own (the modules' SQL stays in their repositories).
 */
package com.walletdesk.jdbc;
