package com.walletdesk.web;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Collections;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * What every {@code /api/} request must be before a controller sees it (after sign-in and the
 * CSRF check, so those answer first): one {@code Idempotency-Key} at most (two are ambiguous:
 * which one did the client mean?); a {@code Content-Type} that names one type, not a wildcard;
 * a JSON body of at most {@link #MAX_BODY_BYTES} bytes that passes {@link JsonBodyCheck}. The
 * body is read here once, whole, and handed on: a request refused here has done nothing.
 */
class ApiRequestGuard extends OncePerRequestFilter {

	/** 1 MiB: a full ingestion batch (1,000 transactions) takes about half of it. */
	static final int MAX_BODY_BYTES = 1024 * 1024;

	static final String IDEMPOTENCY_KEY = "Idempotency-Key";

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !ProblemResponses.isApi(request);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(checked(request), response);
		}
		catch (ProblemException refused) {
			if (response.isCommitted()) {
				throw refused;
			}
			response.resetBuffer();
			ProblemResponses.write(response, refused.status(), refused.code(), refused.getMessage(), refused.fields(),
					request);
		}
	}

	/** The request to hand on (with its body read, when it has a JSON one), or a refusal. */
	private static HttpServletRequest checked(HttpServletRequest request) throws IOException {
		if (Collections.list(request.getHeaders(IDEMPOTENCY_KEY)).size() > 1) {
			throw ProblemException.invalidField("IDEMPOTENCY_KEY_INVALID", IDEMPOTENCY_KEY,
					"send one Idempotency-Key header, not several");
		}
		String contentType = request.getContentType();
		if (contentType == null) {
			return request;
		}
		MediaType type;
		try {
			type = MediaType.parseMediaType(contentType);
		}
		catch (InvalidMediaTypeException ex) {
			throw unsupported();
		}
		if (type.isWildcardType() || type.isWildcardSubtype()) {
			throw unsupported();
		}
		boolean json = MediaType.APPLICATION_JSON.isCompatibleWith(type) || type.getSubtype().endsWith("+json");
		if (!json) {
			return request;
		}
		// JSON is UTF-8 (RFC 8259); a body declared otherwise would be read one way here, another there
		try {
			if (type.getCharset() != null && !StandardCharsets.UTF_8.equals(type.getCharset())) {
				throw unsupported();
			}
		}
		catch (IllegalArgumentException ex) {
			throw unsupported();
		}
		byte[] body = readAtMost(request, MAX_BODY_BYTES);
		JsonBodyCheck.check(body);
		return new ReadBody(request, body);
	}

	private static ProblemException unsupported() {
		return new ProblemException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "UNSUPPORTED_MEDIA_TYPE",
				"Send the body as application/json (UTF-8)");
	}

	private static byte[] readAtMost(HttpServletRequest request, int max) throws IOException {
		if (request.getContentLengthLong() > max) {
			throw tooLarge();
		}
		try (InputStream in = request.getInputStream()) {
			byte[] body = in.readNBytes(max + 1);
			if (body.length > max) {
				throw tooLarge();
			}
			return body;
		}
	}

	private static ProblemException tooLarge() {
		return new ProblemException(HttpStatus.CONTENT_TOO_LARGE, "PAYLOAD_TOO_LARGE",
				"The request body is larger than " + (MAX_BODY_BYTES / 1024) + " KiB");
	}

	/** The request with its body already read: controllers read the same bytes again. */
	private static final class ReadBody extends HttpServletRequestWrapper {

		private final byte[] body;

		ReadBody(HttpServletRequest request, byte[] body) {
			super(request);
			this.body = body;
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(this.body);
			return new ServletInputStream() {

				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] buffer, int offset, int length) {
					return in.read(buffer, offset, length);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("the body is already read");
				}

			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

		@Override
		public int getContentLength() {
			return this.body.length;
		}

		@Override
		public long getContentLengthLong() {
			return this.body.length;
		}

	}

}
