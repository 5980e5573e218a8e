package se.partnerskap.publicsite.internal;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the OpenAPI description of the open data ({@code /api/v1/openapi.json}, springdoc) says of itself. */
@Configuration(proxyBeanMethods = false)
class OpenApiInfo {

    @Bean
    OpenAPI openDataDescription(OpenDataSets sets) {
        OpenDataSets.Licence licence = sets.licence();
        return new OpenAPI().info(new Info().title("Partnerskap open data").version("v1")
                .description("What the programmes of " + sets.publisher() + " granted, to whom and where, from the "
                        + "records the case officers work in. Every address answers GET from any origin, with an ETag; "
                        + "errors are application/problem+json. The open-data page lists the data sets: /en/open-data.")
                .license(new License().name(licence.name()).url(licence.url())));
    }
}
