package se.partnerskap.platform;

import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializingConverter;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.security.web.csrf.DefaultCsrfToken;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Every request of a signed-in user reads its security context, its CSRF token and a few strings from the
 * session, and Spring Session JDBC turned each back from its bytes by Java deserialisation on every request:
 * 8 % of an autosave's CPU at 600 saves/s (bench/README.md). An attribute's bytes change only when the
 * attribute is set again, so this instance keeps what a sequence of bytes turned into and hands it out again
 * for the same bytes: as it is where it cannot be changed (strings, numbers, the CSRF token), as a new
 * security context around the same authentication where the holder is changed in place (logout empties it).
 * Anything else — a flash message's list, say — is deserialised afresh as before. Keyed by the bytes
 * themselves, so it does not matter which instance wrote them (docs/operations.md, several instances).
 */
@Configuration(proxyBeanMethods = false)
class SessionValues implements BeanClassLoaderAware {

    /** At most this many bytes of session values are kept (weighed by their serialised size). */
    static final long KEPT_BYTES = 16L * 1024 * 1024;

    private static final Set<Class<?>> UNCHANGEABLE = Set.of(String.class, Boolean.class, Integer.class,
            Long.class, Locale.class, UUID.class, DefaultCsrfToken.class);

    private ClassLoader classLoader;

    @Override
    public void setBeanClassLoader(ClassLoader classLoader) {
        this.classLoader = classLoader;
    }

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> deserialiseSessionValuesOnce() {
        GenericConversionService conversion = new GenericConversionService();
        conversion.addConverter(Object.class, byte[].class, new SerializingConverter());
        conversion.addConverter(byte[].class, Object.class, new Kept(new DeserializingConverter(classLoader)));
        return repository -> repository.setConversionService(conversion);
    }

    /** The bytes of one session value, compared by content. */
    private record Bytes(byte[] value, int hash) {

        static Bytes of(byte[] value) {
            return new Bytes(value, Arrays.hashCode(value));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Bytes b && b.hash == hash && Arrays.equals(b.value, value);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** Deserialises through {@code read} once per sequence of bytes, for the values that may be shared. */
    static final class Kept implements Converter<byte[], Object> {

        private final Converter<byte[], Object> read;
        private final Cache<Bytes, Object> values = Caffeine.newBuilder()
                .maximumWeight(KEPT_BYTES)
                .<Bytes, Object>weigher((bytes, value) -> bytes.value().length)
                .expireAfterAccess(Duration.ofHours(2))
                .build();

        Kept(Converter<byte[], Object> read) {
            this.read = read;
        }

        @Override
        public Object convert(byte[] source) {
            Bytes key = Bytes.of(source);
            Object kept = values.getIfPresent(key);
            if (kept == null) {
                Object value = read.convert(source);
                if (value == null || !(value instanceof SecurityContext || UNCHANGEABLE.contains(value.getClass()))) {
                    return value;
                }
                values.put(key, value);
                kept = value;
            }
            return kept instanceof SecurityContext context ? new SecurityContextImpl(context.getAuthentication()) : kept;
        }
    }
}
