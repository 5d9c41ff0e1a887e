package com.walletdesk.support;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** Points the wallet adapters at the fake wallets of this test JVM (started once, shared by every context). */
public class FakeWalletsInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

	@Override
	public void initialize(ConfigurableApplicationContext context) {
		context.getEnvironment()
			.getPropertySources()
			.addFirst(new MapPropertySource("walletdesk-fake-wallets",
					Map.of("walletdesk.wallet.wechatpay.base-url", FakeWechatPay.get().baseUrl(),
							"walletdesk.wallet.antom.base-url", FakeAntom.get().baseUrl())));
	}

}
