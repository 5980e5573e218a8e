package se.partnerskap.identity.internal;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing off the virtual threads. A bcrypt check is about 100 ms of CPU that never yields, and a
 * virtual thread is not preempted: a burst of logins occupied every carrier thread, so requests that held
 * a database connection could not run to give it back, and the pool refused everyone else after its
 * timeout (503). Here the hash runs on as many platform threads as there are processors, which the
 * operating system shares fairly with the carriers, while the request's virtual thread waits and frees
 * its carrier. Logins beyond that queue here instead of starving the rest of the site.
 */
final class PasswordHashing implements PasswordEncoder, DisposableBean {

    private final PasswordEncoder delegate;
    private final ExecutorService hashing;

    PasswordHashing(PasswordEncoder delegate, int threads) {
        this.delegate = delegate;
        this.hashing = Executors.newFixedThreadPool(threads, Thread.ofPlatform().name("password-hashing-", 1).daemon()
                .factory());
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return run(() -> delegate.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return run(() -> delegate.matches(rawPassword, encodedPassword));
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private <T> T run(Callable<T> hash) {
        try {
            return hashing.submit(hash).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while hashing a password", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    @Override
    public void destroy() {
        hashing.shutdownNow();
    }
}
