package cn.gov.eqq.govinfo.localinfra.process;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback port helpers. A port chosen here is free now; another process could still take it before we bind.
 *
 * <p>Ports are chosen below the kernel's ephemeral range: a port from that range (what {@code new ServerSocket(0)}
 * hands out) is also the local port of the next outgoing connection, and with a whole system's clients connecting
 * while the next server starts, Keycloak once found its chosen port taken by one of them.
 */
public final class FreePorts {

    public static final String LOOPBACK = "127.0.0.1";

    /** Linux's range of local ports for outgoing connections; absent elsewhere. */
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** The lowest port chosen: above the well-known and common registered ports. */
    static final int LOWEST = 10_000;
    private static final int TRIES = 200;

    private FreePorts() {
    }

    /** A port that is free on 127.0.0.1 right now, outside the ephemeral range where the system says what it is. */
    public static int pick() {
        int below = ephemeralLow();
        if (below - LOWEST >= 1_000) {
            for (int i = 0; i < TRIES; i++) {
                int port = ThreadLocalRandom.current().nextInt(LOWEST, below);
                if (bindable(port)) {
                    return port;
                }
            }
        }
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(LOOPBACK))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free port on " + LOOPBACK, e);
        }
    }

    /** The first port of the ephemeral range, or {@link #LOWEST} (nothing to avoid known) when it cannot be read. */
    static int ephemeralLow() {
        try {
            // read by line: a /proc file reports size 0, and a read sized by it may stop short
            String[] range = Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+");
            return Integer.parseInt(range[0]);
        } catch (IOException | RuntimeException e) {
            return LOWEST;
        }
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(false);
            socket.bind(new InetSocketAddress(LOOPBACK, port), 1);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /** {@code requested}, or a free port when it is 0. */
    public static int orPick(int requested) {
        return requested == 0 ? pick() : requested;
    }

    /** Whether something accepts TCP connections on 127.0.0.1:{@code port}. */
    public static boolean isOpen(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(LOOPBACK, port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
