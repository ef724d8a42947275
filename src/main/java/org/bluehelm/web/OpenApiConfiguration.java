package org.bluehelm.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Describes the API in the OpenAPI document at {@code /v3/api-docs}. */
@Configuration
class OpenApiConfiguration {

    @Bean
    OpenAPI bluehelmOpenApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Bluehelm API")
                        .version("v1")
                        .description("Security sector reform in peace operations. Errors are application/problem+json"
                                + " with a stable `code`; changes send the `version` they read (or If-Match) and get"
                                + " 409 `stale-version` when the record changed meanwhile.")
                        .license(new License().name("Open source")))
                .components(new Components()
                        .addSecuritySchemes(
                                "token",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("bearer")
                                        .description("A personal access token from POST /api/v1/me/tokens"))
                        .addSecuritySchemes(
                                "basic",
                                new SecurityScheme()
                                        .type(SecurityScheme.Type.HTTP)
                                        .scheme("basic")))
                .addSecurityItem(new SecurityRequirement().addList("token"))
                .addSecurityItem(new SecurityRequirement().addList("basic"));
    }
}
