package dev.watchkeeper.platform.web;

import io.swagger.v3.oas.annotations.OpenAPIDefinition;
import io.swagger.v3.oas.annotations.enums.SecuritySchemeType;
import io.swagger.v3.oas.annotations.info.Info;
import io.swagger.v3.oas.annotations.info.License;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.security.SecurityScheme;

import org.springframework.context.annotation.Configuration;

/** The OpenAPI document's title and its bearer-token security scheme. */
@Configuration(proxyBeanMethods = false)
@OpenAPIDefinition(info = @Info(title = "Watchkeeper API", version = "v1",
		description = "The native REST API of Watchkeeper. Errors are RFC 9457 application/problem+json; "
				+ "lists take page and size; send Authorization: Bearer <token>.",
		license = @License(name = "Apache-2.0")), security = @SecurityRequirement(name = "bearer"))
@SecurityScheme(name = "bearer", type = SecuritySchemeType.HTTP, scheme = "bearer",
		description = "An API token (wk_…) from POST /api/v1/tokens, the UI, or POST /api/v1/auth/login")
class OpenApiConfiguration {

}
