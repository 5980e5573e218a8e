package se.partnerskap.support;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;

import javax.sql.DataSource;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * The SQL statements the application runs for the requests a test sends while {@link #during} runs: what
 * one request costs the database (datasource-proxy around the pool; a statement of a batch counts once per
 * row). Only statements on the request's own thread are counted — from the first filter (before Spring
 * Session reads the session) to the last (after it wrote it) — so background jobs running meanwhile do not
 * disturb the count.
 */
public class Statements implements BeanPostProcessor, QueryExecutionListener, Filter {

    private static final ThreadLocal<Boolean> COUNTED = new ThreadLocal<>();

    private volatile boolean recording;
    private final ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();

    /** The statements of the requests sent by {@code requests}, in order. */
    public synchronized List<String> during(Runnable requests) {
        seen.clear();
        recording = true;
        try {
            requests.run();
        } finally {
            recording = false;
        }
        return new ArrayList<>(seen);
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String name) {
        if (bean instanceof DataSource ds && "dataSource".equals(name)) {
            return ProxyDataSourceBuilder.create(ds).name("counted").listener(this).build();
        }
        return bean;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        boolean count = recording;
        if (count) {
            COUNTED.set(true);
        }
        try {
            chain.doFilter(request, response);
        } finally {
            if (count) {
                COUNTED.remove();
            }
        }
    }

    @Override
    public void beforeQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
    }

    @Override
    public void afterQuery(ExecutionInfo execInfo, List<QueryInfo> queryInfoList) {
        if (COUNTED.get() == null) {
            return;
        }
        for (QueryInfo q : queryInfoList) {
            int rows = Math.max(1, execInfo.isBatch() ? q.getParametersList().size() : 1);
            for (int i = 0; i < rows; i++) {
                seen.add(q.getQuery().strip().replaceAll("\\s+", " "));
            }
        }
    }
}
