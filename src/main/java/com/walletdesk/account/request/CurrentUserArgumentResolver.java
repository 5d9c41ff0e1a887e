package com.walletdesk.account.request;

import com.walletdesk.account.CurrentUser;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import com.walletdesk.merchant.Scope;
import com.walletdesk.web.ProblemException;

import org.springdoc.core.utils.SpringDocUtils;

import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Lets a controller method take the {@link CurrentUser} of the request as an argument, or just
 * its {@link Scope} (for the merchant module's controllers, which cannot know accounts).
 */
@Configuration(proxyBeanMethods = false)
class CurrentUserArgumentResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

	static {
		// resolved from the session, not read from the request: keep them out of /v3/api-docs
		SpringDocUtils.getConfig().addRequestWrapperToIgnore(CurrentUser.class, Scope.class);
	}

	@Override
	public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
		resolvers.add(this);
	}

	@Override
	public boolean supportsParameter(MethodParameter parameter) {
		return parameter.getParameterType() == CurrentUser.class || parameter.getParameterType() == Scope.class;
	}

	@Override
	public Object resolveArgument(MethodParameter parameter, ModelAndViewContainer mavContainer,
			NativeWebRequest webRequest, WebDataBinderFactory binderFactory) {
		HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
		Object user = request == null ? null : request.getAttribute(CurrentUserFilter.ATTRIBUTE);
		if (!(user instanceof CurrentUser current)) {
			throw new ProblemException(HttpStatus.UNAUTHORIZED, "UNAUTHENTICATED", "Sign in first");
		}
		// the merchant module's controllers take only the Scope: merchant must not depend on account
		return parameter.getParameterType() == Scope.class ? current.scope() : current;
	}

}
