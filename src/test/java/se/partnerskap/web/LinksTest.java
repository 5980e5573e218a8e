package se.partnerskap.web;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.mock.env.MockEnvironment;
import se.partnerskap.platform.PartnerskapProperties;
import se.partnerskap.shared.Language;

import static org.assertj.core.api.Assertions.assertThat;

/** Absolute links in both languages, from the one base address, however the operator wrote it. */
class LinksTest {

    private final LanguagePaths paths = new LanguagePaths(List.of(PathPairs.of("/nyheter", "/en/news"),
            PathPairs.of("/inbjudan", "/en/invitation")));

    private Links links(MockEnvironment environment) {
        return new Links(Binder.get(environment).bindOrCreate("partnerskap", PartnerskapProperties.class), environment,
                paths);
    }

    @Test
    void everyLinkStartsWithTheBaseAddressAndOneSlash() {
        Links links = links(new MockEnvironment().withProperty("partnerskap.base-url", "https://partnerskap.example.org/"));
        assertThat(links.base()).isEqualTo("https://partnerskap.example.org");
        assertThat(links.absolute("/nyheter")).isEqualTo("https://partnerskap.example.org/nyheter");
        assertThat(links.absolute("sitemap.xml")).isEqualTo("https://partnerskap.example.org/sitemap.xml");
        assertThat(links.absolute("/")).isEqualTo("https://partnerskap.example.org/");
        assertThat(links.absoluteOrAsIs("/bild.jpg")).isEqualTo("https://partnerskap.example.org/bild.jpg");
        assertThat(links.absoluteOrAsIs("https://bilder.example.org/a.jpg")).isEqualTo("https://bilder.example.org/a.jpg");
        assertThat(links.absoluteOrAsIs(" ")).isNull();
    }

    @Test
    void aPageInEitherLanguageFromItsTwoPathsOrFromTheSwedishOne() {
        Links links = links(new MockEnvironment().withProperty("partnerskap.base-url", "https://example.org/partnerskap"));
        assertThat(links.absolute(Language.SV, "/inbjudan/abc", "/en/invitation/abc"))
                .isEqualTo("https://example.org/partnerskap/inbjudan/abc");
        assertThat(links.absolute(Language.EN, "/inbjudan/abc", "/en/invitation/abc"))
                .isEqualTo("https://example.org/partnerskap/en/invitation/abc");
        assertThat(links.absolute(Language.EN, "/nyheter")).isEqualTo("https://example.org/partnerskap/en/news");
        assertThat(links.absolute(Language.EN, "/")).isEqualTo("https://example.org/partnerskap/en");
        assertThat(links.absolute(Language.SV, "/nyheter")).isEqualTo("https://example.org/partnerskap/nyheter");
    }

    @Test
    void aPortKnownOnlyOnceTheServerListensIsFilledInWhenTheLinkIsBuilt() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("partnerskap.base-url", "http://localhost:${local.server.port}");
        Links links = links(environment);
        environment.setProperty("local.server.port", "54321");
        assertThat(links.absolute("/nyheter")).isEqualTo("http://localhost:54321/nyheter");
    }
}
