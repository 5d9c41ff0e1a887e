package com.walletdesk.paylink.web;

import jakarta.servlet.http.HttpServletResponse;

import com.walletdesk.paylink.PaymentLink;
import com.walletdesk.paylink.PaymentLinkPayments;
import com.walletdesk.web.ProblemException;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The payer's page, {@code /pay/{token}}: public (no sign-in; the token is the secret), a plain
 * CSRF-protected form that works without scripts. An open link shows the store, amount,
 * description and a choice of wallet; a paid, cancelled or expired one answers 410 with a page
 * saying which; an unknown token 404. The thank-you page is the POST's own answer, so the
 * payer needs no session; sending it again finds the link paid (410) and pays nothing.
 */
@Controller
class PayPageController {

	static final String VIEW = "paylink/pay";

	private final PaymentLinkPayments payments;

	PayPageController(PaymentLinkPayments payments) {
		this.payments = payments;
	}

	@GetMapping("/pay/{token}")
	String page(@PathVariable String token, Model model, HttpServletResponse response) {
		PaymentLinkPayments.PayerView view = this.payments.find(token);
		noStore(response);
		if (!PaymentLink.ACTIVE.equals(view.status())) {
			response.setStatus(HttpStatus.GONE.value());
		}
		model.addAttribute("view", view);
		model.addAttribute("token", token);
		return VIEW;
	}

	@PostMapping("/pay/{token}")
	String pay(@PathVariable String token, @RequestParam(required = false) String method, Model model,
			HttpServletResponse response) {
		noStore(response);
		PaymentLinkPayments.Payment payment;
		try {
			payment = this.payments.pay(token, method);
		}
		catch (ProblemException ex) {
			if (ex.status() == HttpStatus.NOT_FOUND) {
				throw ex;
			}
			// closed meanwhile (410) or no wallet chosen (400): the page again, saying so
			response.setStatus(ex.status().value());
			model.addAttribute("view", this.payments.find(token));
			model.addAttribute("token", token);
			model.addAttribute("methodError", ex.status() == HttpStatus.BAD_REQUEST);
			return VIEW;
		}
		if (payment.redirect() != null) {
			return "redirect:" + payment.redirect();
		}
		model.addAttribute("payment", payment);
		return "paylink/paid";
	}

	/** The page names a payment: no cache keeps it. */
	private static void noStore(HttpServletResponse response) {
		response.setHeader("Cache-Control", "no-store");
	}

}
