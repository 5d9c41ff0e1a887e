package com.walletdesk.account.request;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Requests are timed once (http.server.requests), not again around each of Spring Security's
 * filters, authentications and authorizations: that costed about a tenth of a request's CPU.
 */
@IntegrationTest
class RequestMetricsIT {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	MeterRegistry meters;

	@Test
	void requestsAreTimedButNotEachSecurityFilter() {
		MerchantNode group = this.data.group("metrics", null);
		WebSession session = WebSession.signIn(this.port, this.data.merchantUser(group.id(), false), TestData.PASSWORD);
		assertThat(session.get("/api/v1/me").status()).isEqualTo(200);
		assertThat(session.get("/api/v1/admin/users").status()).isEqualTo(403);

		assertThat(this.meters.find("http.server.requests").timers()).isNotEmpty();
		assertThat(this.meters.getMeters()).extracting(meter -> meter.getId().getName())
			.noneMatch(name -> name.startsWith("spring.security"));
	}

}
