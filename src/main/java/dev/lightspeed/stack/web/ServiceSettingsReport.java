package dev.lightspeed.stack.web;

import dev.lightspeed.stack.config.AuthenticationConfig;
import dev.lightspeed.stack.config.ServiceConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.InitializingBean;

/**
 * Says at start-up what the {@code service} settings that have no direct Spring
 * counterpart do: {@code workers} is accepted but concurrency comes from virtual threads,
 * and {@code auth_enabled} never switches authentication on or off by itself (that is
 * {@code authentication.module}'s job), so a contradiction between the two is a warning.
 */
class ServiceSettingsReport implements InitializingBean {

	private static final Logger logger = LoggerFactory.getLogger(ServiceSettingsReport.class);

	private final ServiceConfig service;

	private final AuthenticationConfig authentication;

	ServiceSettingsReport(ServiceConfig service, AuthenticationConfig authentication) {
		this.service = service;
		this.authentication = authentication;
	}

	@Override
	public void afterPropertiesSet() {
		ServiceConfig service = this.service;
		logger.info("service.workers: {} accepted; concurrency comes from virtual threads (one per request)",
				service.workers());
		String module = this.authentication.module();
		boolean authenticates = !module.startsWith("noop");
		if (service.authEnabled() && !authenticates) {
			logger.warn("service.auth_enabled is true but authentication.module is {}, which does not verify "
					+ "callers; choose k8s or jwk-token to authenticate", module);
		}
		else if (!service.authEnabled() && authenticates) {
			logger.warn("service.auth_enabled is false but authentication.module is {}; authentication stays on "
					+ "(set auth_enabled: true to silence this warning)", module);
		}
	}

}
