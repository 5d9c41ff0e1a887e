package com.walletdesk.refund;

import com.walletdesk.refund.RefundFixture.Shop;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.MutableClock;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * API.md: NOT_REFUNDABLE when nothing remains of a charge, REFUND_EXCEEDS_REMAINING only for an
 * amount above a remaining balance greater than zero (issue 15, defect 9).
 */
@IntegrationTest
class NothingLeftToRefundIT {

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	Shop shop;

	WebSession session;

	@BeforeEach
	void setUp() {
		this.clock.set(RefundApiIT.NOON_CHINA);
		this.shop = RefundFixture.eurShop(this.data);
		this.session = RefundFixture.signIn(this.port, this.shop.username());
	}

	@AfterEach
	void resetClock() {
		this.clock.reset();
	}

	@Test
	void aChargeWithNothingLeftIsNotRefundableWhateverTheAmount() {
		String charge = this.data.tx(this.shop.store()).amount(20_00).at(RefundApiIT.NOON_CHINA.minusSeconds(600)).save();
		assertThat(RefundFixture.refund(this.session, charge, "15.00").status()).isEqualTo(201);
		var tooMuch = RefundFixture.refund(this.session, charge, "10.00");
		assertThat(tooMuch.status()).isEqualTo(422);
		assertThat(tooMuch.code()).as("5.00 remain").isEqualTo("REFUND_EXCEEDS_REMAINING");
		assertThat(RefundFixture.refund(this.session, charge, "5.00").status()).isEqualTo(201);

		var withAmount = RefundFixture.refund(this.session, charge, "1.00");
		assertThat(withAmount.status()).isEqualTo(422);
		assertThat(withAmount.code()).isEqualTo("NOT_REFUNDABLE");
		var whole = RefundFixture.refund(this.session, charge, null);
		assertThat(whole.status()).isEqualTo(422);
		assertThat(whole.code()).isEqualTo("NOT_REFUNDABLE");
	}

}
