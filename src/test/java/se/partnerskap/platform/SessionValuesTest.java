package se.partnerskap.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;

/** A session value's bytes are deserialised once, and nothing shared can be changed by one request for the next. */
class SessionValuesTest {

    private final SerializingConverter write = new SerializingConverter();
    private final AtomicInteger reads = new AtomicInteger();
    private final DeserializingConverter deserialise = new DeserializingConverter();
    private final SessionValues.Kept kept = new SessionValues.Kept(bytes -> {
        reads.incrementAndGet();
        return deserialise.convert(bytes);
    });

    @Test
    void theSameBytesAreReadOnceAndAStringIsHandedOutAsItIs() {
        byte[] bytes = write.convert("karlstad/3");

        Object first = kept.convert(bytes);
        Object second = kept.convert(bytes.clone());

        assertThat(first).isEqualTo("karlstad/3");
        assertThat(second).isSameAs(first);
        assertThat(reads).hasValue(1);
        assertThat(kept.convert(write.convert("karlstad/4"))).isEqualTo("karlstad/4");
        assertThat(reads).hasValue(2);
    }

    @Test
    void eachRequestGetsItsOwnSecurityContextSoThatALogoutEmptiesOnlyItsOwn() {
        var authentication = UsernamePasswordAuthenticationToken.authenticated("anna@karlstad.example", null,
                AuthorityUtils.createAuthorityList("ROLE_APPLICANT"));
        byte[] bytes = write.convert(new SecurityContextImpl(authentication));

        SecurityContext loggingOut = (SecurityContext) kept.convert(bytes);
        loggingOut.setAuthentication(null);
        SecurityContext next = (SecurityContext) kept.convert(bytes);

        assertThat(next).isNotSameAs(loggingOut);
        assertThat(next.getAuthentication().getName()).isEqualTo("anna@karlstad.example");
        assertThat(reads).hasValue(1);
    }

    @Test
    void aValueThatCanBeChangedIsReadAfreshEveryTime() {
        byte[] bytes = write.convert(new ArrayList<>(List.of("Sparat")));

        @SuppressWarnings("unchecked")
        List<String> first = (List<String>) kept.convert(bytes);
        first.clear();

        assertThat(kept.convert(bytes)).isEqualTo(List.of("Sparat"));
        assertThat(reads).hasValue(2);
    }
}
