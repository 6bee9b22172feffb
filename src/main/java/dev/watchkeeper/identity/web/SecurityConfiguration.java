package dev.watchkeeper.identity.web;

import dev.watchkeeper.platform.web.IntakePaths;
import dev.watchkeeper.identity.ApiTokens;
import dev.watchkeeper.identity.IntegrationKeys;
import dev.watchkeeper.identity.IntegrationSender;
import dev.watchkeeper.identity.Role;
import dev.watchkeeper.identity.Users;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.access.hierarchicalroles.RoleHierarchy;
import org.springframework.security.access.hierarchicalroles.RoleHierarchyImpl;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextHolderFilter;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;

/**
 * Two filter chains. Machine paths ({@code /api/**} and the integration endpoints) are
 * stateless: bearer tokens, no CSRF, errors as problem+json. Everything else is the web
 * UI: sessions, CSRF, form login. Endpoint roles are declared on controllers with
 * {@code @PreAuthorize}; the role hierarchy makes each role include those below it.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

	/** Paths anyone may call: health, metrics, login, API docs. */
	static final String[] PUBLIC_MACHINE_PATHS = { "/api/v1/auth/login", "/api/openapi.json", "/api/openapi.json/**",
			"/api/docs", "/api/docs/**", "/api/swagger-ui/**" };

	@Bean
	static RoleHierarchy roleHierarchy() {
		return RoleHierarchyImpl.fromHierarchy(Role.HIERARCHY);
	}

	/**
	 * No Micrometer observation around every security filter, authentication and
	 * authorization: nothing reads those meters, and on the intake path they cost more
	 * than the bearer check itself. Requests are counted and timed once, by the
	 * platform's HTTP metrics filter.
	 */
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	SecurityContextRepository securityContextRepository() {
		return new HttpSessionSecurityContextRepository();
	}

	/**
	 * No user details service: sign-in goes through the Authenticator, not Spring's form
	 * login.
	 */
	@Bean
	UserDetailsService noUserDetails() {
		return new InMemoryUserDetailsManager();
	}

	@Bean
	@Order(1)
	SecurityFilterChain machineChain(HttpSecurity http, ApiTokens tokens, IntegrationKeys keys, JsonMapper json)
			throws Exception {
		var problems = new ProblemResponses(json);
		http.securityMatcher("/api/**", "/alertmanager/**", "/prometheus/**", "/ofrep/**")
			.csrf(csrf -> csrf.disable())
			.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
			.requestCache(cache -> cache.disable())
			.securityContext(context -> context.requireExplicitSave(true))
			.addFilterBefore(new BearerTokenFilter(tokens, keys, problems), BasicAuthenticationFilter.class)
			.authorizeHttpRequests(auth -> auth.requestMatchers(PUBLIC_MACHINE_PATHS)
				.permitAll()
				// the one rule for alert intake: refused before a possibly large body is
				// read
				.requestMatchers(HttpMethod.POST, IntakePaths.ALL.toArray(String[]::new))
				.hasAnyAuthority(Role.RESPONDER.authority(), IntegrationSender.AUTHORITY)
				.anyRequest()
				.authenticated())
			.exceptionHandling(errors -> errors.authenticationEntryPoint(problems::unauthenticated)
				.accessDeniedHandler(problems::forbidden))
			.headers(headers -> headers
				.referrerPolicy(policy -> policy.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
		return http.build();
	}

	@Bean
	@Order(2)
	SecurityFilterChain uiChain(HttpSecurity http, SecurityContextRepository contexts, JsonMapper json, Users users)
			throws Exception {
		var problems = new ProblemResponses(json);
		var signIn = new LoginUrlAuthenticationEntryPoint("/login");
		http.securityContext(context -> context.securityContextRepository(contexts))
			.addFilterAfter(new SessionUserFilter(users), SecurityContextHolderFilter.class)
			.authorizeHttpRequests(auth -> auth
				.requestMatchers("/health", "/health/**", "/metrics", "/login", "/login/**", "/setup", "/css/**",
						"/js/**", "/webjars/**", "/favicon.ico", "/error")
				.permitAll()
				// the links in pages: a signed, expiring token stands in for signing in
				.requestMatchers("/incidents/act/*")
				.permitAll()
				// the public status page, its feed, the Statuspage API and subscriptions
				.requestMatchers("/status", "/status/**")
				.permitAll()
				.anyRequest()
				.authenticated())
			.exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, ex) -> {
				if (ProblemResponses.wantsJson(request)) {
					problems.unauthenticated(request, response, ex);
				}
				else {
					signIn.commence(request, response, ex);
				}
			}).accessDeniedHandler(new MfaAwareAccessDeniedHandler(problems)))
			.formLogin(form -> form.disable())
			.httpBasic(basic -> basic.disable())
			.logout(logout -> logout.logoutUrl("/logout").logoutSuccessUrl("/login?signedOut"))
			.sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
			.headers(headers -> headers
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; img-src 'self' data:; "
						+ "style-src 'self' 'unsafe-inline'; script-src 'self'; "
						+ "frame-ancestors 'none'; form-action 'self'"))
				.referrerPolicy(policy -> policy.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)));
		return http.build();
	}

}
