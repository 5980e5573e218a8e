package se.partnerskap.identity.internal;

import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Passwords are hashed and checked as before, but on platform threads, never on a request's virtual thread. */
class PasswordHashingTest {

    @Test
    void aLoginOnAVirtualThreadHasItsPasswordCheckedOnAPlatformThread() throws Exception {
        AtomicReference<Thread> checkedOn = new AtomicReference<>();
        PasswordEncoder real = PasswordEncoderFactories.createDelegatingPasswordEncoder();
        PasswordHashing hashing = new PasswordHashing(new PasswordEncoder() {
            @Override
            public String encode(CharSequence raw) {
                checkedOn.set(Thread.currentThread());
                return real.encode(raw);
            }

            @Override
            public boolean matches(CharSequence raw, String encoded) {
                checkedOn.set(Thread.currentThread());
                return real.matches(raw, encoded);
            }
        }, 1);
        try {
            AtomicReference<Boolean> right = new AtomicReference<>();
            AtomicReference<Boolean> wrong = new AtomicReference<>();
            String hash = hashing.encode("korrekt häst batteri");
            Thread login = Thread.ofVirtual().start(() -> {
                right.set(hashing.matches("korrekt häst batteri", hash));
                wrong.set(hashing.matches("fel lösenord", hash));
            });
            login.join();

            assertThat(hash).startsWith("{bcrypt}");
            assertThat(right.get()).isTrue();
            assertThat(wrong.get()).isFalse();
            assertThat(checkedOn.get().isVirtual()).isFalse();
            assertThat(checkedOn.get().getName()).startsWith("password-hashing-");
        } finally {
            hashing.destroy();
        }
    }

    @Test
    void anErrorInTheHashReachesTheCallerAsItself() {
        PasswordHashing hashing = new PasswordHashing(PasswordEncoderFactories.createDelegatingPasswordEncoder(), 1);
        try {
            assertThatThrownBy(() -> hashing.matches("x", "{nosuch}abc")).isInstanceOf(IllegalArgumentException.class);
        } finally {
            hashing.destroy();
        }
    }
}
