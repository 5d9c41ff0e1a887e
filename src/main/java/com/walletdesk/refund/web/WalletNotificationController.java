package com.walletdesk.refund.web;

import java.util.Map;
import java.util.Optional;

import com.walletdesk.audit.AuditService;
import com.walletdesk.refund.RefundNotifications;
import com.walletdesk.wallet.WalletNotice;
import com.walletdesk.wallet.antom.AntomNotifications;
import com.walletdesk.wallet.wechatpay.WechatPayNotifications;
import com.walletdesk.web.ProblemException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.responses.ApiResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The wallets' refund notifications (API.md): no session and no CSRF token, the wallet's
 * signature over the raw body authenticates each one; anything that does not verify (or decrypt)
 * is refused with 401 and changes nothing. Every delivery is audited ({@code WALLET_NOTIFICATION}).
 */
@RestController
class WalletNotificationController {

	static final String AUDIT_TYPE = "WALLET_NOTIFICATION";

	private final WechatPayNotifications wechatPay;

	private final AntomNotifications antom;

	private final RefundNotifications refunds;

	private final AuditService audit;

	WalletNotificationController(WechatPayNotifications wechatPay, AntomNotifications antom,
			RefundNotifications refunds, AuditService audit) {
		this.wechatPay = wechatPay;
		this.antom = antom;
		this.refunds = refunds;
		this.audit = audit;
	}

	@PostMapping(path = "/api/v1/wallets/wechatpay/notify", consumes = "*/*")
	@Operation(summary = "WeChat Pay refund notification (signed; no session)",
			responses = { @ApiResponse(responseCode = "204", description = "Received"),
					@ApiResponse(responseCode = "401", description = "Signature, timestamp or ciphertext does not verify",
							content = @Content(mediaType = "application/problem+json")) })
	ResponseEntity<Void> wechatPay(@Parameter(hidden = true) @RequestHeader(name = "Wechatpay-Serial", required = false) String serial,
			@Parameter(hidden = true) @RequestHeader(name = "Wechatpay-Timestamp", required = false) String timestamp,
			@Parameter(hidden = true) @RequestHeader(name = "Wechatpay-Nonce", required = false) String nonce,
			@Parameter(hidden = true) @RequestHeader(name = "Wechatpay-Signature", required = false) String signature,
			@RequestBody(required = false) String body) {
		handle("wechatpay", this.wechatPay.read(serial, timestamp, nonce, signature, body == null ? "" : body));
		return ResponseEntity.noContent().build();
	}

	@PostMapping(path = AntomNotifications.PATH, consumes = "*/*")
	@Operation(summary = "Antom refund notification (signed; no session)",
			responses = { @ApiResponse(responseCode = "200", description = "Received"),
					@ApiResponse(responseCode = "401", description = "Signature does not verify",
							content = @Content(mediaType = "application/problem+json")) })
	Map<String, Object> antom(@Parameter(hidden = true) @RequestHeader(name = "client-id", required = false) String clientId,
			@Parameter(hidden = true) @RequestHeader(name = "request-time", required = false) String requestTime,
			@Parameter(hidden = true) @RequestHeader(name = "signature", required = false) String signature,
			@RequestBody(required = false) String body) {
		handle("antom", this.antom.read(clientId, requestTime, signature, body == null ? "" : body));
		return Map.of("result", Map.of("resultCode", "SUCCESS", "resultStatus", "S", "resultMessage", "success"));
	}

	private void handle(String wallet, Optional<WalletNotice> notice) {
		String account = "system:" + wallet;
		if (notice.isEmpty()) {
			this.audit.record(AUDIT_TYPE, "REJECTED", account, "wallet:" + wallet, "signature, timestamp or content did not verify");
			throw new ProblemException(HttpStatus.UNAUTHORIZED, "NOTIFICATION_NOT_VERIFIED",
					"The notification's signature, timestamp or content does not verify");
		}
		RefundNotifications.Outcome outcome = this.refunds.settle(notice.get());
		this.audit.record(AUDIT_TYPE, outcome.name(), account, "refund:" + notice.get().refundKey(),
				"{\"status\":\"" + notice.get().answer().status() + "\",\"stores\":\"" + notice.get().storeIds() + "\"}");
	}

}
