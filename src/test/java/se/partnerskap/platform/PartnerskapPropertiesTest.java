package se.partnerskap.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;
import org.springframework.util.unit.DataSize;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The partnerskap.* settings: checked at start-up, and described for an operator's IDE. */
@ExtendWith(OutputCaptureExtension.class)
class PartnerskapPropertiesTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PartnerskapProperties.class)
    static class OnlyTheProperties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(OnlyTheProperties.class);

    @Test
    void aBaseUrlThatIsNotAnAbsoluteWebAddressStopsTheStartAndSaysWhichSettingAndWhy(CapturedOutput output) {
        assertThatThrownBy(() -> new SpringApplicationBuilder(OnlyTheProperties.class)
                .web(WebApplicationType.NONE)
                .run("--partnerskap.demo=false", "--partnerskap.base-url=partnerskap.example.org"))
                .hasStackTraceContaining("partnerskap.base-url");
        assertThat(output.getOut())
                .contains("APPLICATION FAILED TO START")
                .contains("Value: \"partnerskap.example.org\"")
                .contains("Origin: \"partnerskap.base-url\"")
                .contains("Reason: must be an absolute http or https address such as https://partnerskap.example.org");
    }

    @Test
    void theOpenDataPublisherAndLicenceAreCheckedAndGiveTheIdentifiersAndTheLicenceAddress() {
        runner.withPropertyValues("partnerskap.base-url=https://partnerskap.example.org").run(context -> {
            PartnerskapProperties.OpenData d = context.getBean(PartnerskapProperties.class).openData();
            assertThat(d.iatiIdentifier()).isEqualTo("SE-ON-2021000001");
            assertThat(d.licenceUrl()).isEqualTo("https://creativecommons.org/licenses/by/4.0/");
            assertThat(d.licenceName()).isEqualTo("CC BY 4.0");
        });
        runner.withPropertyValues("partnerskap.base-url=https://partnerskap.example.org",
                "partnerskap.open-data.licence=CC0-1.0", "partnerskap.open-data.publisher-organisation-number=802002-4538")
                .run(context -> {
                    PartnerskapProperties.OpenData d = context.getBean(PartnerskapProperties.class).openData();
                    assertThat(d.iatiIdentifier()).isEqualTo("SE-ON-8020024538");
                    assertThat(d.licenceUrl()).isEqualTo("https://creativecommons.org/publicdomain/zero/1.0/");
                });
        for (String wrong : new String[] {"partnerskap.open-data.licence=MIT", "partnerskap.open-data.updated=HOURLY",
                "partnerskap.open-data.publisher-organisation-number=2021000001"}) {
            runner.withPropertyValues("partnerskap.base-url=https://partnerskap.example.org", wrong)
                    .run(context -> assertThat(context).as(wrong).hasFailed());
        }
    }

    @Test
    void aMissingOrNonWebBaseUrlFailsTooAndATrailingSlashIsDroppedOnce() {
        runner.run(context -> assertThat(context).hasFailed());
        for (String wrong : new String[] {"ftp://partnerskap.example.org", "/nyheter", "https://", "https://a b.org",
                "https://partnerskap.example.org/?x=1"}) {
            runner.withPropertyValues("partnerskap.base-url=" + wrong)
                    .run(context -> assertThat(context).as(wrong).hasFailed());
        }
        runner.withPropertyValues("partnerskap.base-url=https://partnerskap.example.org/")
                .run(context -> assertThat(context.getBean(PartnerskapProperties.class).baseUrl())
                        .isEqualTo("https://partnerskap.example.org"));
        runner.withPropertyValues("partnerskap.base-url=https://example.org/partnerskap//")
                .run(context -> assertThat(context.getBean(PartnerskapProperties.class).baseUrl())
                        .isEqualTo("https://example.org/partnerskap"));
    }

    @Test
    void theDefaultsAreTheOnesTheOperationsGuideGivesAndEnvironmentVariablesBind() {
        runner.withPropertyValues("partnerskap.base-url=http://localhost:8080").run(context -> {
            PartnerskapProperties p = context.getBean(PartnerskapProperties.class);
            assertThat(p.dataDir()).isEqualTo("data/postgres");
            assertThat(p.demo()).isFalse();
            assertThat(p.oidc().enabled()).isFalse();
            assertThat(p.metrics().username()).isEqualTo("prometheus");
            assertThat(p.events().maxAttempts()).isEqualTo(10);
            assertThat(p.upload().maxRequestSize()).isEqualTo(DataSize.ofMegabytes(15));
        });
        runner.withInitializer(context -> context.getEnvironment().getPropertySources().addFirst(
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                        Map.of("PARTNERSKAP_BASE_URL", "https://partnerskap.example.org",
                                "PARTNERSKAP_EVENTS_MAXATTEMPTS", "3")))).run(context -> {
                    PartnerskapProperties p = context.getBean(PartnerskapProperties.class);
                    assertThat(p.baseUrl()).isEqualTo("https://partnerskap.example.org");
                    assertThat(p.events().maxAttempts()).isEqualTo(3);
                });
        runner.withPropertyValues("partnerskap.base-url=http://localhost:8080", "partnerskap.events.max-attempts=0")
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void theIdeMetadataDescribesEverySettingTheCodeAndApplicationPropertiesName() throws IOException {
        JsonNode metadata;
        try (InputStream in = getClass().getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in).as("META-INF/spring-configuration-metadata.json (the configuration processor)").isNotNull();
            metadata = JsonMapper.builder().build().readTree(in);
        }
        Set<String> described = new TreeSet<>();
        for (JsonNode property : metadata.path("properties")) {
            String name = property.path("name").asString();
            if (name.startsWith("partnerskap.")) {
                assertThat(property.path("description").asString()).as(name).isNotBlank();
                described.add(name);
            }
        }
        assertThat(described).contains("partnerskap.base-url");
        assertThat(metadata.path("properties").valueStream()
                .filter(p -> p.path("name").asString().equals("partnerskap.upload.max-request-size"))
                .findFirst().orElseThrow().path("defaultValue").asString()).isEqualTo("15MB");

        assertThat(described).containsAll(named());
    }

    /** Every partnerskap.* setting in application.properties and in a placeholder or property look-up of the code. */
    private static Set<String> named() throws IOException {
        Set<String> names = new TreeSet<>();
        java.util.regex.Pattern setting = java.util.regex.Pattern.compile("^(partnerskap\\.[a-z0-9.-]+)=",
                java.util.regex.Pattern.MULTILINE);
        Matcher m = setting.matcher(Files.readString(Path.of("src/main/resources/application.properties")));
        while (m.find()) {
            names.add(m.group(1));
        }
        java.util.regex.Pattern used = java.util.regex.Pattern.compile("\\$\\{(partnerskap\\.[a-z0-9.-]+)[:}]");
        try (Stream<Path> files = Files.walk(Path.of("src/main/java"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                Matcher u = used.matcher(Files.readString(file));
                while (u.find()) {
                    names.add(u.group(1));
                }
            }
        }
        assertThat(names).contains("partnerskap.base-url", "partnerskap.rounds.close-cron");
        return names;
    }
}
