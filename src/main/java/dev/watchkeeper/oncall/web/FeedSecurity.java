package dev.watchkeeper.oncall.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * The calendar feed path needs no sign-in (calendar apps cannot sign in; the secret link
 * is the credential): stateless, no session, no CSRF (it only answers GET), no referrer
 * leaving the page.
 */
@Configuration(proxyBeanMethods = false)
class FeedSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain calendarFeedChain(HttpSecurity http) throws Exception {
		http.securityMatcher("/oncall/ical/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.requireExplicitSave(true))
			.authorizeHttpRequests(auth -> auth.anyRequest().permitAll())
			.headers(headers -> headers
				.referrerPolicy(policy -> policy.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
		return http.build();
	}

}
