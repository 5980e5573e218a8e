package se.partnerskap.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.awaitility.Awaitility;

/**
 * A TCP proxy for fault tests: listens on a free local port and forwards every connection to a target
 * (by default the test PostgreSQL on 127.0.0.1:5432). {@link #cut()} closes every open connection and
 * refuses new ones (each is reset as soon as it is accepted), as a database that went away; {@link #restore()}
 * forwards again. The server behind the proxy is never stopped, so other tests using it are not disturbed.
 * <pre>
 * try (TcpProxy proxy = TcpProxy.toPostgres()) {
 *     String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/mydb";
 *     ... proxy.cut(); ... proxy.restore();
 * }
 * </pre>
 */
public final class TcpProxy implements AutoCloseable {

    private final String targetHost;
    private final int targetPort;
    private final ServerSocket server;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile boolean cut;
    private volatile long lastTraffic = System.nanoTime();
    private volatile boolean closed;

    public TcpProxy(String targetHost, int targetPort) {
        this.targetHost = targetHost;
        this.targetPort = targetPort;
        try {
            this.server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot listen on a local port", e);
        }
        Thread.ofVirtual().name("tcp-proxy-accept-" + port()).start(this::accept);
    }

    /** A proxy to the test PostgreSQL at 127.0.0.1:5432. */
    public static TcpProxy toPostgres() {
        return new TcpProxy("127.0.0.1", 5432);
    }

    /** The local port to connect to instead of the target's. */
    public int port() {
        return server.getLocalPort();
    }

    /** How many connections (both sides counted) are open through the proxy now. */
    public int openSockets() {
        return open.size();
    }

    /** Closes every connection through the proxy and refuses new ones until {@link #restore()}. */
    public void cut() {
        cut = true;
        for (Socket s : open) {
            reset(s);
        }
        open.clear();
    }

    /**
     * Cuts once nothing has gone through for {@code quiet}: between two requests, not while the application
     * is still finishing the last one after its answer went out (Spring Session looks the session up once more
     * after the response), which would make the test's next request meet a connection closed by the server.
     */
    public void cutWhenQuiet(Duration quiet) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(20))
                .until(() -> System.nanoTime() - lastTraffic >= quiet.toNanos());
        cut();
    }

    /** Forwards new connections again. */
    public void restore() {
        cut = false;
    }

    public boolean isCut() {
        return cut;
    }

    @Override
    public void close() {
        closed = true;
        cut();
        try {
            server.close();
        } catch (IOException ignored) {
            // closing
        }
    }

    private void accept() {
        while (!closed) {
            Socket client;
            try {
                client = server.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            if (cut) {
                reset(client);
                continue;
            }
            Thread.ofVirtual().name("tcp-proxy-connect").start(() -> connect(client));
        }
    }

    private void connect(Socket client) {
        Socket target = new Socket();
        try {
            target.connect(new InetSocketAddress(targetHost, targetPort), 5_000);
        } catch (IOException e) {
            reset(client);
            reset(target);
            return;
        }
        open.add(client);
        open.add(target);
        if (cut) { // cut while connecting
            reset(client);
            reset(target);
            return;
        }
        Thread.ofVirtual().name("tcp-proxy-up").start(() -> pump(client, target));
        Thread.ofVirtual().name("tcp-proxy-down").start(() -> pump(target, client));
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            int n;
            while ((n = in.read(buffer)) >= 0) {
                lastTraffic = System.nanoTime();
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException ignored) {
            // one side closed or was cut
        } finally {
            reset(from);
            reset(to);
        }
    }

    /** Closes with a reset (SO_LINGER 0), as a connection that broke rather than one that ended politely. */
    private void reset(Socket s) {
        open.remove(s);
        try {
            if (!s.isClosed()) {
                if (s.isConnected()) {
                    s.setSoLinger(true, 0);
                }
                s.close();
            }
        } catch (SocketException ignored) {
            // already gone
        } catch (IOException ignored) {
            // already gone
        }
    }
}
