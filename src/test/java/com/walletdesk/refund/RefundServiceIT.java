package com.walletdesk.refund;

import java.time.Instant;

import com.walletdesk.account.AccountService;
import com.walletdesk.account.CurrentUser;
import com.walletdesk.refund.RefundFixture.Shop;
import com.walletdesk.support.IntegrationTest;
import com.walletdesk.support.MutableClock;
import com.walletdesk.support.TestData;
import com.walletdesk.support.WebSession;
import com.walletdesk.transaction.TransactionService;
import com.walletdesk.web.ProblemException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The service API the refund page calls, and the wiring around it (schedule, OpenAPI). */
@IntegrationTest
class RefundServiceIT {

	static final Instant NOON_CHINA = Instant.parse("2026-11-27T04:00:00Z");

	@LocalServerPort
	int port;

	@Autowired
	TestData data;

	@Autowired
	MutableClock clock;

	@Autowired
	RefundService refunds;

	@Autowired
	AccountService accounts;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionService transactions;

	@Autowired
	ApplicationContext context;

	Shop shop;

	@BeforeEach
	void setUp() {
		this.clock.set(NOON_CHINA);
		this.shop = RefundFixture.eurShop(this.data);
	}

	@AfterEach
	void tearDown() {
		this.clock.reset();
	}

	CurrentUser user(String username) {
		long id = this.data.accountId(username);
		return this.accounts.currentUser(id).orElseThrow();
	}

	@Test
	void theDialogGetsTheRemainingAmountAndAFreshKey() {
		String charge = this.data.tx(this.shop.store()).amount(80_00).at(NOON_CHINA.minusSeconds(60)).save();
		CurrentUser refunder = user(this.shop.username());
		RefundService.RefundDraft first = this.refunds.draft(refunder, charge);
		RefundService.RefundDraft second = this.refunds.draft(refunder, charge);
		assertThat(first.remaining().toDecimalString()).isEqualTo("80.00");
		assertThat(first.charge().id()).isEqualTo(charge);
		assertThat(first.idempotencyKey()).isNotBlank().isNotEqualTo(second.idempotencyKey());

		RefundResult result = this.refunds.refund(refunder, charge, RefundCommand.wholeRemaining("broken"),
				first.idempotencyKey());
		assertThat(result.isSucceeded()).isTrue();
		assertThat(result.messageKey()).isNull();
		assertThat(result.remaining().toDecimalString()).isEqualTo("0.00");
		assertThat(this.jdbc.sql("SELECT transaction_id FROM refund WHERE charge_id = :charge")
			.param("charge", charge)
			.query(String.class)
			.single()).as("the ID answered is the one stored").isEqualTo(result.refund().transactionId());
		assertThat(this.refunds.refundsOf(refunder, charge)).singleElement().satisfies(view -> {
			assertThat(view.status()).isEqualTo(RefundState.SUCCEEDED);
			assertThat(view.reason()).isEqualTo("broken");
			assertThat(view.createdBy()).isEqualTo(this.shop.username());
			assertThat(view.createdAt()).isEqualTo(NOON_CHINA);
		});

		ProblemException nothingLeft = catchThrowableOfType(ProblemException.class, () -> this.refunds.draft(refunder, charge));
		assertThat(nothingLeft.code()).isEqualTo("NOT_REFUNDABLE");
		CurrentUser reader = user(this.data.merchantUser(this.shop.store().id(), false));
		assertThat(catchThrowableOfType(ProblemException.class, () -> this.refunds.draft(reader, charge)).status())
			.isEqualTo(HttpStatus.FORBIDDEN);
		CurrentUser stranger = user(RefundFixture.eurShop(this.data).username());
		assertThat(catchThrowableOfType(ProblemException.class, () -> this.refunds.draft(stranger, charge)).status())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void refusalsComeBackAsResultsWithTheirMessageKey() {
		String charge = this.data.tx(this.shop.store()).amount(80_00).at(NOON_CHINA.minusSeconds(60)).save();
		RefundResult result = this.refunds.refund(user(this.shop.username()), charge, new RefundCommand("81.00", "r"),
				RefundService.newIdempotencyKey());
		assertThat(result.isAccepted()).isFalse();
		assertThat(result.status()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(result.code()).isEqualTo("REFUND_EXCEEDS_REMAINING");
		assertThat(result.messageKey()).isEqualTo("refund.error.REFUND_EXCEEDS_REMAINING");
	}

	@Test
	void aRefundTransactionSkipsAnIdAChannelAlreadyUsed() {
		String charge = this.data.tx(this.shop.store()).amount(80_00).at(NOON_CHINA.minusSeconds(60)).save();
		long next = this.jdbc.sql("SELECT nextval('transaction_id_seq')").query(Long.class).single() + 1;
		String taken = String.format("%012d", next);
		this.data.tx(this.shop.store()).id(taken).amount(5_00).at(NOON_CHINA.minusSeconds(30)).save();

		RefundResult result = this.refunds.refund(user(this.shop.username()), charge, new RefundCommand("10.00", "r"),
				RefundService.newIdempotencyKey());
		assertThat(result.isSucceeded()).isTrue();
		// the ID drawn with the refund was the channel's: the settlement rolled back and ran again
		// under the sequence's next ID, and recorded the attempt once
		assertThat(result.refund().transactionId()).isEqualTo(String.format("%012d", next + 1));
		assertThat(RefundFixture.audit(this.jdbc, charge)).extracting(e -> e.get("outcome")).containsExactly("SUCCEEDED");
		assertThat(this.jdbc.sql("SELECT amount FROM wallet_transaction WHERE id = :id").param("id", taken)
			.query(Long.class).single()).as("the channel's transaction is untouched").isEqualTo(5_00L);
		RefundFixture.assertBooksAgree(this.transactions, this.jdbc, charge);
	}

	@Test
	void theIdSequenceStopsAtTwelveDigitsSoAnIdMadeByTheInsertIsNeverCutShort() {
		assertThat(this.jdbc.sql("""
				SELECT CAST(maximum_value AS VARCHAR(20)) FROM information_schema.sequences
				WHERE LOWER(sequence_name) = 'transaction_id_seq'""").query(String.class).single())
			.isEqualTo("999999999999");
	}

	@Test
	void theReconcilerIsNotScheduledInTestsAndTheApiIsDocumented() {
		assertThat(this.context.getBeanNamesForType(ReconcileSchedule.class)).isEmpty();
		assertThat(this.context.getBean(RefundReconciler.class)).isNotNull();
		var docs = WebSession.anonymous(this.port).get("/v3/api-docs");
		assertThat(docs.status()).isEqualTo(200);
		assertThat(docs.body()).contains("/api/v1/transactions/{id}/refunds", "Idempotency-Key");
	}

}
