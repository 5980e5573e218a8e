package se.partnerskap.web;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.session.SessionRepository;
import org.springframework.stereotype.Component;

/**
 * Spring Session looks the login session up in the database when a request first needs it, and once more
 * at the end of the request, when it saves the session. While the database is away the first lookup has
 * already waited the pool's connection timeout: the second one in the same request fails at once with the
 * same failure instead of waiting again, and {@link DatabaseUnavailable} answers the 503 page. Only within
 * a request that {@link DatabaseUnavailable} serves; elsewhere the repository is called as it is.
 */
@Component
class SessionLookupGuard implements BeanPostProcessor {

    /** Per request thread: the failure of the request's first session lookup, if it failed. */
    private static final ThreadLocal<RuntimeException[]> REQUEST = new ThreadLocal<>();

    static void beginRequest() {
        REQUEST.set(new RuntimeException[1]);
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
        proxy.addAdvice((MethodInterceptor) invocation -> {
            RuntimeException[] failed = REQUEST.get();
            if (failed == null || !invocation.getMethod().getName().equals("findById")) {
                return invocation.proceed();
            }
            if (failed[0] != null) {
                throw failed[0];
            }
            try {
                return invocation.proceed();
            } catch (RuntimeException e) {
                if (DatabaseUnavailable.isCause(e)) {
                    failed[0] = e;
                }
                throw e;
            }
        });
        return proxy.getProxy(bean.getClass().getClassLoader());
    }
}
