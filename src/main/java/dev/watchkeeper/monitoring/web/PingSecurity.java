package dev.watchkeeper.monitoring.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Ping paths are for machines (cron jobs, backup scripts): no sign-in (the ping key in
 * the path is the credential), no session, and no CSRF token, since they are posted by
 * curl, not by a browser holding a session.
 */
@Configuration(proxyBeanMethods = false)
class PingSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain pingChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/ping/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.requireExplicitSave(true))
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll());
		return http.build();
	}

}
