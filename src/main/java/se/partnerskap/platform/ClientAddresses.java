package se.partnerskap.platform;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The client address a limit counts by. {@code request.getRemoteAddr()} is the client's address once
 * {@code server.forward-headers-strategy=native} lets Tomcat take X-Forwarded-For from a trusted proxy.
 * An IPv6 client counts by its /64 network: one host may use any address in it.
 */
public final class ClientAddresses {

    private ClientAddresses() {
    }

    public static String of(String remoteAddr) {
        if (remoteAddr == null || remoteAddr.isBlank()) {
            return "unknown";
        }
        String a = remoteAddr.strip();
        if (a.indexOf(':') < 0) {
            return a;
        }
        try {
            // a literal (as getRemoteAddr gives): parsed, never looked up
            if (InetAddress.getByName(a.startsWith("[") ? a : "[" + a + "]") instanceof Inet6Address v6) {
                byte[] b = v6.getAddress();
                StringBuilder net = new StringBuilder();
                for (int i = 0; i < 8; i += 2) {
                    net.append(Integer.toHexString(((b[i] & 0xff) << 8) | (b[i + 1] & 0xff))).append(':');
                }
                return net.append(":/64").toString();
            }
        } catch (UnknownHostException notALiteral) {
            // fall through: count by what we were given
        }
        return a;
    }
}
