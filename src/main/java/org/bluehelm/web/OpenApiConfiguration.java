package org.bluehelm.web;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.MediaType;

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

    /**
     * A list handler marked {@link ListFile} takes {@code format} (json, csv or xlsx) and answers
     * with JSON or the list screen's file.
     */
    @Bean
    OperationCustomizer listFiles() {
        return (operation, handler) -> {
            if (!handler.hasMethodAnnotation(ListFile.class)) {
                return operation;
            }
            operation.addParametersItem(new Parameter()
                    .in("query")
                    .name("format")
                    .required(false)
                    .description("json (default), or csv or xlsx for the same file as the list screen: every row"
                            + " the filters select, in the caller's scope (an Accept of text/csv or the XLSX type"
                            + " does the same)")
                    .schema(new StringSchema()._enum(List.of("json", "csv", "xlsx"))));
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            ApiResponse ok = responses.get("200") == null ? new ApiResponse().description("OK") : responses.get("200");
            Content content = ok.getContent() == null ? new Content() : ok.getContent();
            io.swagger.v3.oas.models.media.MediaType any = content.remove("*/*");
            if (any != null && !content.containsKey(MediaType.APPLICATION_JSON_VALUE)) {
                content.addMediaType(MediaType.APPLICATION_JSON_VALUE, any);
            }
            for (ListExport.Format format : ListExport.Format.values()) {
                content.addMediaType(
                        format.mediaType().getType() + "/" + format.mediaType().getSubtype(),
                        new io.swagger.v3.oas.models.media.MediaType().schema(new StringSchema().format("binary")));
            }
            responses.addApiResponse("200", ok.content(content));
            return operation.responses(responses);
        };
    }
}
