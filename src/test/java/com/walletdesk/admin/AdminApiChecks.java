package com.walletdesk.admin;

import java.util.List;
import java.util.Map;

import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;

import static org.assertj.core.api.Assertions.assertThat;

/** How the admin API's tests check a refusal and the audit trail of a change. */
final class AdminApiChecks {

	private AdminApiChecks() {
	}

	/** A creation refused as problem JSON with this status and code, naming {@code field}. */
	static void refusedCreation(WebSession admin, String path, String json, int status, String code, String field) {
		var response = admin.post(path, json);
		assertThat(response.status()).as(json).isEqualTo(status);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.code()).as(json).isEqualTo(code);
		assertThat(response.json().path("fields").has(field)).as(json + " names " + field + ": " + response.body()).isTrue();
	}

	/** A change refused with this status and code. */
	static void refusedChange(WebSession admin, String path, String json, int status, String code) {
		var response = admin.patch(path, json);
		assertThat(response.status()).as(path + " " + json).isEqualTo(status);
		assertThat(response.code()).as(path + " " + json).isEqualTo(code);
	}

	/** The audit events about one resource, oldest first. */
	static List<Map<String, Object>> audit(TestData data, String resource) {
		return data.jdbc()
			.sql("SELECT type, outcome, account, resource, details FROM audit_event WHERE resource = :resource ORDER BY id")
			.param("resource", resource)
			.query()
			.listOfRows();
	}

}
