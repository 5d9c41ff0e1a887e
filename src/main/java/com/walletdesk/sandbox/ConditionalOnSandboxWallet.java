package com.walletdesk.sandbox;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;

/**
 * Every bean of the sandbox wallet carries this: the sandbox exists only while
 * {@code walletdesk.wallet.provider} is {@code sandbox} (the default, for the demo and the tests).
 * A production configuration naming a real wallet leaves the whole package out, its operator
 * endpoint included.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@ConditionalOnProperty(name = "walletdesk.wallet.provider", havingValue = "sandbox", matchIfMissing = true)
@interface ConditionalOnSandboxWallet {

}
