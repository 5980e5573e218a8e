package se.partnerskap.web;

import java.util.HashMap;
import java.util.Map;

import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.SessionRepository;
import org.springframework.stereotype.Component;

/**
 * One lookup of the login session per request. Spring Session looks the session up when a request first
 * needs it, and again whenever it commits the session: when the answer reaches its Content-Length (so that
 * a new cookie can still go out) and once more when its filter ends, after it has dropped what it found
 * (SessionRepositoryFilter's commitSession asks for the requested session id again). Within one request
 * the same id now answers what it answered the first time — the session object the request is already
 * using — so an autosave reads its session row once (AutosaveCostTest). A deleted session is forgotten.
 *
 * <p>While the database is away the first lookup has already waited the pool's connection timeout: a
 * later one in the same request fails at once with the same failure instead of waiting again, and
 * {@link DatabaseUnavailable} answers the 503 page. Only within a request that {@link DatabaseUnavailable}
 * serves; elsewhere the repository is called as it is.
 */
@Component
class SessionLookupGuard implements BeanPostProcessor {

    /** What one request has learnt of the session store. */
    private static final class Lookups {
        RuntimeException failed;
        final Map<String, Object> found = new HashMap<>();
    }

    private static final Object NONE = new Object();

    private static final ThreadLocal<Lookups> REQUEST = new ThreadLocal<>();

    static void beginRequest() {
        REQUEST.set(new Lookups());
    }

    static void endRequest() {
        REQUEST.remove();
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (!(bean instanceof SessionRepository<?>)) {
            return bean;
        }
        ProxyFactory proxy = new ProxyFactory(bean);
        proxy.setProxyTargetClass(true);
        proxy.addAdvice((MethodInterceptor) SessionLookupGuard::invoke);
        return proxy.getProxy(bean.getClass().getClassLoader());
    }

    private static Object invoke(MethodInvocation invocation) throws Throwable {
        Lookups lookups = REQUEST.get();
        String method = invocation.getMethod().getName();
        if (lookups == null || invocation.getArguments().length != 1
                || !(invocation.getArguments()[0] instanceof String id)) {
            return invocation.proceed();
        }
        if (method.equals("deleteById")) {
            lookups.found.remove(id);
            return invocation.proceed();
        }
        if (!method.equals("findById")) {
            return invocation.proceed();
        }
        if (lookups.failed != null) {
            throw lookups.failed;
        }
        Object known = lookups.found.get(id);
        if (known != null) {
            return known == NONE ? null : known;
        }
        try {
            Object session = invocation.proceed();
            lookups.found.put(id, session == null ? NONE : session);
            return session;
        } catch (RuntimeException e) {
            if (DatabaseUnavailable.isCause(e)) {
                lookups.failed = e;
            }
            throw e;
        }
    }
}
