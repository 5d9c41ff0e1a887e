package com.walletdesk.support;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.common.Slf4jNotifier;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

/**
 * A WireMock server standing in for one wallet: every request under its path goes to one
 * {@link ResponseDefinitionTransformerV2} (the wallet's rules: signature check, idempotency, the
 * test's knobs), and WireMock's request journal keeps what it received, for the tests to read.
 */
final class WalletStub {

	/** The wallet's rules: one answer per request, signed by the fake. */
	interface Wallet {

		ResponseDefinition answer(LoggedRequest request);

	}

	private final WireMockServer server;

	WalletStub(String name, String pathPattern, Wallet wallet) {
		ResponseDefinitionTransformerV2 transformer = new ResponseDefinitionTransformerV2() {
			@Override
			public ResponseDefinition transform(ServeEvent event) {
				return wallet.answer(event.getRequest());
			}

			@Override
			public boolean applyGlobally() {
				return false;
			}

			@Override
			public String getName() {
				return name;
			}
		};
		this.server = new WireMockServer(WireMockConfiguration.options()
			.bindAddress("127.0.0.1")
			.dynamicPort()
			// the concurrency tests send a few hundred refunds at once
			.containerThreads(100)
			.jettyAcceptQueueSize(500)
			.notifier(new Slf4jNotifier(false))
			.extensions(transformer));
		this.server.start();
		this.server.stubFor(any(urlPathMatching(pathPattern)).willReturn(ResponseDefinitionBuilder.responseDefinition()
			.withTransformers(name)));
	}

	String baseUrl() {
		return "http://127.0.0.1:" + this.server.port();
	}

	/** Every request the wallet received (WireMock's journal), oldest first. */
	List<LoggedRequest> journal() {
		List<ServeEvent> events = new ArrayList<>(this.server.getAllServeEvents());
		// the journal lists the newest first
		Collections.reverse(events);
		return events.stream().map(ServeEvent::getRequest).toList();
	}

	/** A signed answer (the headers are the wallet's own), after {@code delayMillis} when positive. */
	static ResponseDefinition answer(int status, String body, List<String[]> headers, long delayMillis) {
		ResponseDefinitionBuilder builder = ResponseDefinitionBuilder.responseDefinition()
			.withStatus(status)
			.withHeader("Content-Type", "application/json")
			.withBody(body);
		for (String[] header : headers) {
			builder = builder.withHeader(header[0], header[1]);
		}
		if (delayMillis > 0) {
			builder = builder.withFixedDelay((int) delayMillis);
		}
		return builder.build();
	}

}
