package com.walletdesk.security;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import com.walletdesk.merchant.MerchantNode;
import com.walletdesk.support.FakeAntom;
import com.walletdesk.support.FakeWechatPay;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.TestData;
import com.walletdesk.support.TestKeys;
import com.walletdesk.support.TestMfa;
import com.walletdesk.support.TestWallets;
import com.walletdesk.support.WalletNotifications;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.walletdesk.refund.RefundReconciler;
import com.walletdesk.support.MutableClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No secret leaves the application: the merchant's private key (any line of its PEM body), the
 * API v3 key and an operator's TOTP secret appear in no API answer or page, no log line and no
 * audit record, through configuration (accepted and refused), refunds through both wallets
 * (succeeded, declined, pending, reconciled), notifications (settling and refused) and the
 * operators' lists. The only answer that carries a TOTP secret is the enrolment itself (API.md).
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class SecretsNeverShownIT {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	RefundReconciler reconciler;

	@Autowired
	MutableClock clock;

	final List<String> answers = new ArrayList<>();

	@AfterEach
	void reset() {
		this.clock.reset();
		FakeWechatPay.get().reset();
		FakeAntom.get().reset();
	}

	WebSession.Response keep(WebSession.Response response) {
		this.answers.add(response.status() + " " + response.raw().headers().map() + " " + response.body());
		return response;
	}

	@Test
	void noKeyOrTotpSecretInAnyAnswerLogOrAuditRecord(CapturedOutput output) {
		// an operator of its own, enrolled now: its TOTP secret is one to look for
		String operatorName = this.data.operator();
		WebSession operator = WebSession.signIn(this.port, operatorName, TestData.PASSWORD);
		String totpSecret = TestMfa.secretOf(operatorName);
		assertThat(totpSecret).isNotBlank();

		MerchantNode group = this.data.group("secrets-group", null);
		MerchantNode store = this.data.eurStore(group.id());
		String wallets = "/api/v1/admin/stores/" + store.id() + "/wallets/";
		assertThat(keep(operator.put(wallets + "WXP", TestWallets.wechatPay("1900000109"))).status()).isEqualTo(200);
		assertThat(keep(operator.put(wallets + "ALP", TestWallets.antom(FakeAntom.CLIENT_ID))).status()).isEqualTo(200);
		// refused: the keys come back in no field message
		String badV3 = TestWallets.wechatPay("1900000109").replace(TestWallets.API_V3_KEY, TestWallets.API_V3_KEY + "x");
		assertThat(keep(operator.put(wallets + "WXP", badV3)).status()).isEqualTo(422);
		String badPem = TestWallets.wechatPay("1900000109").replace("-----END PRIVATE KEY-----", "-----END KEY-----");
		assertThat(keep(operator.put(wallets + "WXP", badPem)).status()).isEqualTo(422);
		keep(operator.get("/api/v1/admin/stores/" + store.id() + "/wallets"));

		WebSession merchant = WebSession.signIn(this.port, this.data.merchantUser(store.id(), true), TestData.PASSWORD);
		String wxp = this.data.tx(store).method("WXP").amount(100_00).save();
		String alp = this.data.tx(store).method("ALP").amount(100_00).save();
		FakeWechatPay.get().answerNext(FakeWechatPay.Mode.SUCCESS, FakeWechatPay.Mode.NOT_ENOUGH,
				FakeWechatPay.Mode.SYSTEM_ERROR_500, FakeWechatPay.Mode.APPLY_BAD_SIGNATURE, FakeWechatPay.Mode.PROCESSING);
		List<String> pending = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			var refund = keep(refund(merchant, wxp, "1.00"));
			if (refund.status() == 201 && refund.json().path("refund").path("status").asString().equals("pending")) {
				pending.add(refund.json().path("refund").path("id").asString());
			}
		}
		FakeAntom.get().answerNext(FakeAntom.Mode.S, FakeAntom.Mode.F, FakeAntom.Mode.SERVER_ERROR);
		for (int i = 0; i < 3; i++) {
			keep(refund(merchant, alp, "1.00"));
		}
		this.clock.advance(java.time.Duration.ofMinutes(3));
		FakeWechatPay.get().now = this.clock::instant;
		this.reconciler.reconcile();
		this.clock.reset();
		FakeWechatPay.get().now = Instant::now;

		// notifications: one settling, one forged, one whose ciphertext does not decrypt
		String processing = pending.get(pending.size() - 1);
		String body = WalletNotifications.wechatPayBody("1900000109", processing, "50300777", "SUCCESS");
		this.answers.add(WalletNotifications.deliverWechatPay(this.port, body, TestKeys.wallet().getPrivate(), Instant.now())
			.body());
		this.answers.add(WalletNotifications
			.deliverWechatPay(this.port, body, TestKeys.generate().getPrivate(), Instant.now())
			.body());
		String tampered = body.replaceFirst("\"ciphertext\":\"(.)", "\"ciphertext\":\"" + (body.contains("\"ciphertext\":\"A") ? "B" : "A"));
		this.answers.add(WalletNotifications.deliverWechatPay(this.port, tampered, TestKeys.wallet().getPrivate(),
				Instant.now()).body());

		keep(merchant.get("/api/v1/transactions/" + wxp + "/refunds"));
		keep(merchant.get("/api/v1/transactions/" + wxp));
		keep(operator.get("/api/v1/me"));
		keep(operator.get("/api/v1/admin/users?q=" + operatorName));
		keep(operator.get("/api/v1/admin/audit?limit=500"));
		keep(operator.get("/api/v1/admin/refunds?status=attention"));
		keep(operator.get("/admin/audit"));
		keep(operator.get("/admin/users?q=" + operatorName));
		keep(operator.get("/admin/refunds"));

		String audit = String.valueOf(this.data.jdbc().sql("SELECT * FROM audit_event").query().listOfRows());
		List<String> secrets = new ArrayList<>(pemLines(TestKeys.privatePem(TestKeys.merchant())));
		secrets.add(TestWallets.API_V3_KEY);
		secrets.add(totpSecret);
		for (String secret : secrets) {
			assertThat(String.join("\n", this.answers)).as("API answers and pages").doesNotContain(secret);
			assertThat(output.getAll()).as("log lines").doesNotContain(secret);
			assertThat(audit).as("audit records").doesNotContain(secret);
		}
		assertThat(this.answers).as("the flow ran: refunds answered, notifications refused")
			.anyMatch(a -> a.contains("PROVIDER_DECLINED"))
			.anyMatch(a -> a.contains("INVALID_WALLET_CONFIG"));
		assertThat(output.getAll()).as("the logs of the wallet errors are there").contains("Refund reconciliation");
	}

	static WebSession.Response refund(WebSession session, String charge, String amount) {
		return session.post("/api/v1/transactions/" + charge + "/refunds",
				"{\"amount\":\"" + amount + "\",\"reason\":\"secrets test\"}",
				java.util.Map.of("Idempotency-Key", "secrets-" + java.util.UUID.randomUUID()));
	}

	/** The body lines of a PEM text (each 64 base64 characters of the key). */
	static List<String> pemLines(String pem) {
		return Arrays.stream(pem.split("\n")).filter(line -> !line.startsWith("-----") && line.length() >= 16).toList();
	}

}
