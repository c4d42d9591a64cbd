package cn.gov.eqq.govinfo.localinfra.process;

import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.net.ServerSocket;

import static org.assertj.core.api.Assertions.assertThat;

class FreePortsTest {

    @Test
    void picksAFreePortBelowTheRangeOutgoingConnectionsTakeTheirsFrom() throws Exception {
        int below = FreePorts.ephemeralLow();
        for (int i = 0; i < 20; i++) {
            int port = FreePorts.pick();
            if (below - FreePorts.LOWEST >= 1_000) {
                assertThat(port).isBetween(FreePorts.LOWEST, below - 1);
            }
            try (ServerSocket socket = new ServerSocket()) {
                socket.bind(new InetSocketAddress(FreePorts.LOOPBACK, port));
                assertThat(FreePorts.isOpen(port)).isTrue();
            }
        }
    }

    @Test
    void readsWhereTheEphemeralRangeStarts() {
        assertThat(FreePorts.ephemeralLow()).isBetween(FreePorts.LOWEST, 65_535);
    }
}
