package com.walletdesk.account.signin;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@IntegrationTest
class SignInIT {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Test
	void bootstrapOperatorSignsInAndSeesItself() {
		WebSession admin = WebSession.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
		var me = admin.get("/api/v1/me");
		assertThat(me.status()).isEqualTo(200);
		assertThat(me.json().path("username").asString()).isEqualTo("admin");
		assertThat(me.json().path("role").asString()).isEqualTo("OPERATOR");
		assertThat(me.json().path("scopeId").isNull()).isTrue();
		assertThat(admin.cookie("SESSION")).as("sessions live in the database (Spring Session)").isNotBlank();
	}

	@Test
	void loginPageSetsTheXsrfCookie() {
		WebSession anonymous = WebSession.anonymous(this.port);
		assertThat(anonymous.get("/login").status()).isEqualTo(200);
		assertThat(anonymous.xsrfToken()).isNotBlank();
	}

	@Test
	void wrongPasswordAndUnknownUserAnswerTheSame() {
		MerchantNode group = this.data.group("group", null);
		String user = this.data.merchantUser(group.id(), false);
		var wrong = WebSession.anonymous(this.port).submitLogin(user, "not-the-password-1");
		var unknown = WebSession.anonymous(this.port).submitLogin("nobody-" + user, "not-the-password-1");
		assertThat(wrong.status()).isEqualTo(302);
		assertThat(wrong.header("Location")).endsWith("/login?error");
		assertThat(unknown.header("Location")).isEqualTo(wrong.header("Location"));
	}

	@Test
	void unauthenticatedApiCallGets401ProblemNotARedirect() {
		var response = WebSession.anonymous(this.port).get("/api/v1/me");
		assertThat(response.status()).isEqualTo(401);
		assertThat(response.header("Content-Type")).startsWith("application/problem+json");
		assertThat(response.code()).isEqualTo("UNAUTHENTICATED");
	}

	@Test
	void unauthenticatedPageRedirectsToLogin() {
		var response = WebSession.anonymous(this.port).get("/");
		assertThat(response.status()).isEqualTo(302);
		assertThat(response.header("Location")).endsWith("/login");
	}

	@Test
	void merchantWithInactiveLicenseIsToldWhyAndItsSessionStops() {
		MerchantNode group = this.data.group("group", null);
		MerchantNode store = this.data.eurStore(group.id());
		String user = this.data.merchantUser(store.id(), false);
		WebSession session = WebSession.signIn(this.port, user, TestData.PASSWORD);
		assertThat(session.get("/api/v1/me").status()).isEqualTo(200);

		this.data.license(group.id(), false); // switched off above the user's node

		var api = session.get("/api/v1/me");
		assertThat(api.status()).isEqualTo(403);
		assertThat(api.code()).isEqualTo("LICENSE_INACTIVE");
		var again = WebSession.anonymous(this.port).submitLogin(user, TestData.PASSWORD);
		assertThat(again.header("Location")).endsWith("/login?license");
		var wrongPassword = WebSession.anonymous(this.port).submitLogin(user, "wrong-password-123");
		assertThat(wrongPassword.header("Location")).as("the license is told only after the right password")
			.endsWith("/login?error");
		var page = WebSession.anonymous(this.port).get("/login?license");
		assertThat(page.body()).contains("relationship manager");
	}

	@Test
	void unsafeCallWithoutCsrfTokenIsRefused() {
		WebSession admin = WebSession.signIn(this.port, "admin", IntegrationTest.ADMIN_PASSWORD);
		var response = admin.postWithoutCsrf("/api/v1/admin/merchants", "{\"kind\":\"GROUP\",\"name\":\"x\"}");
		assertThat(response.status()).isEqualTo(403);
		assertThat(response.code()).isEqualTo("CSRF_TOKEN_INVALID");
	}

}
