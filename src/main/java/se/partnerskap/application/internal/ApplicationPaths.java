package se.partnerskap.application.internal;

import java.util.ArrayList;
import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import se.partnerskap.application.internal.Section;
import se.partnerskap.shared.Language;
import se.partnerskap.web.PathPairs;

@Configuration(proxyBeanMethods = false)
class ApplicationPaths {

    static final String SV = "/ansokningar";
    static final String EN = "/en/applications";

    @Bean
    PathPairs applicationPathPairs() {
        List<String> words = new ArrayList<>(List.of("granska", "check-answers", "ta-bort", "remove", "konflikt", "conflict"));
        for (Section s : Section.values()) {
            words.add(s.slug(Language.SV));
            words.add(s.slug(Language.EN));
        }
        return PathPairs.of(SV, EN).withSegments(words.toArray(String[]::new));
    }
}
