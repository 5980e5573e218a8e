package se.partnerskap.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fault tests' proxy: forwards, cuts open connections and refuses new ones, forwards again. */
class TcpProxyTest {

    @Test
    void cutEndsOpenConnectionsAndRefusesNewOnesUntilRestored() throws SQLException {
        try (TcpProxy proxy = TcpProxy.toPostgres()) {
            String url = "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres?connectTimeout=3";
            try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
                assertThat(one(c)).isEqualTo(1);
                proxy.cut();
                assertThatThrownBy(() -> one(c)).isInstanceOf(SQLException.class);
            }
            assertThatThrownBy(() -> DriverManager.getConnection(url, "postgres", "").close())
                    .isInstanceOf(SQLException.class);
            proxy.restore();
            try (Connection c = DriverManager.getConnection(url, "postgres", "")) {
                assertThat(one(c)).isEqualTo(1);
            }
        }
    }

    private static int one(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); var rs = s.executeQuery("SELECT 1")) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
