package com.walletdesk.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's own error answer, for what Tomcat refuses before the application sees the request
 * (a header over its size limit, {@code %00} in a path): problem JSON with a {@code code} on
 * {@code /api/}, Tomcat's page without its version and report elsewhere. Installed as the
 * host's error report valve by {@link ApiWebConfig}.
 */
public class ApiErrorReportValve extends ErrorReportValve {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public ApiErrorReportValve() {
		setShowServerInfo(false);
		setShowReport(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		String uri = request.getCoyoteRequest().requestURI().toString();
		if (uri == null || !uri.startsWith("/api/")) {
			super.report(request, response, throwable);
			return;
		}
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("type", "about:blank");
		body.put("title", org.springframework.http.HttpStatus.resolve(status) != null
				? org.springframework.http.HttpStatus.resolve(status).getReasonPhrase() : "Error");
		body.put("status", status);
		body.put("detail", StatusCodes.detail(status));
		body.put("code", StatusCodes.code(status));
		try {
			response.setContentType("application/problem+json");
			response.setCharacterEncoding(StandardCharsets.UTF_8.name());
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(JSON.writeValueAsString(body));
				response.finishResponse();
			}
		}
		catch (IOException | IllegalStateException ex) {
			// the connection is gone or the answer is under way: nothing more to tell
		}
	}

}
