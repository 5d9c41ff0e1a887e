package com.walletdesk.web;

import java.util.List;

import org.apache.catalina.core.StandardHost;
import tools.jackson.databind.DeserializationFeature;

import org.springframework.boot.tomcat.servlet.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.JacksonJsonHttpMessageConverter;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Wires the API's request checks: {@link ApiRequestGuard} right after the security chain
 * (order -100), {@link AcceptCheck} before every controller, and {@link ApiErrorReportValve} as
 * Tomcat's error answer.
 */
@Configuration(proxyBeanMethods = false)
class ApiWebConfig implements WebMvcConfigurer {

	@Bean
	FilterRegistrationBean<ApiRequestGuard> apiRequestGuard() {
		FilterRegistrationBean<ApiRequestGuard> registration = new FilterRegistrationBean<>(new ApiRequestGuard());
		registration.setOrder(0);
		return registration;
	}

	/**
	 * Request bodies read into records refuse a member no field takes (a typo must not silently
	 * drop a value), as ingestion and administration, which read field by field, already do. Only
	 * the MVC converter: the application's own JsonMapper (wallet answers) stays lenient.
	 */
	@Override
	@SuppressWarnings("deprecation")
	public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
		for (int i = 0; i < converters.size(); i++) {
			if (converters.get(i) instanceof JacksonJsonHttpMessageConverter json) {
				converters.set(i, new JacksonJsonHttpMessageConverter(
						json.getMapper().rebuild().enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build()));
			}
		}
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(new AcceptCheck());
	}

	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> apiErrorReportValve() {
		return factory -> factory.addContextCustomizers(context -> {
			if (context.getParent() instanceof StandardHost host) {
				host.setErrorReportValveClass(ApiErrorReportValve.class.getName());
			}
		});
	}

}
