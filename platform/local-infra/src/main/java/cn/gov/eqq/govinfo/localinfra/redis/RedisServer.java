package cn.gov.eqq.govinfo.localinfra.redis;

import cn.gov.eqq.govinfo.localinfra.process.ChildProcess;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Debian's {@code redis-server}, run in the foreground on loopback without persistence: the state the gateway's
 * replicas share (portal sessions, rate limits) for the devstack and the tests. Where Docker runs, Testcontainers'
 * Redis image serves the same purpose; in a cluster it is an external Redis (docs/deploy.md).
 */
public final class RedisServer implements AutoCloseable {

    /** Where {@code apt-get install redis-server} puts it; {@code GOVINFO_REDIS_SERVER} names another. */
    private static final List<String> CANDIDATES = List.of("/usr/bin/redis-server", "/usr/local/bin/redis-server");

    private final ChildProcess process;
    private final int port;
    private final Duration startupTime;

    private RedisServer(ChildProcess process, int port, Duration startupTime) {
        this.process = process;
        this.port = port;
        this.startupTime = startupTime;
    }

    /** The executable, if this machine has one. */
    public static Optional<Path> executable() {
        String configured = System.getenv("GOVINFO_REDIS_SERVER");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured)).filter(Files::isExecutable);
        }
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir.isEmpty() ? "." : dir, "redis-server");
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return CANDIDATES.stream().map(Path::of).filter(Files::isExecutable).findFirst();
    }

    /**
     * Starts it on {@code 127.0.0.1:port} in {@code workDir} (named on its command line, so that a later start can
     * recognise an orphan by it) and waits until it answers {@code PING}.
     *
     * @throws IllegalStateException when there is no {@code redis-server} or it does not answer within the timeout
     */
    public static RedisServer start(int port, Path workDir, Path logFile, Duration timeout) {
        Path redis = executable().orElseThrow(() -> new IllegalStateException(
                "找不到 redis-server，请安装：apt-get install -y redis-server / redis-server not found"));
        try {
            Files.createDirectories(workDir);
        } catch (IOException e) {
            throw new IllegalStateException("cannot create " + workDir, e);
        }
        long begin = System.nanoTime();
        ChildProcess process = ChildProcess.start("redis", List.of(redis.toString(), "--port", Integer.toString(port),
                "--bind", "127.0.0.1", "--dir", workDir.toAbsolutePath().toString(), "--save", "", "--appendonly",
                "no", "--protected-mode", "yes"), Map.of(), workDir, logFile);
        long deadline = begin + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("redis-server 已退出 / exited: " + process.logTail(20));
            }
            if (answersPing(port)) {
                return new RedisServer(process, port, Duration.ofNanos(System.nanoTime() - begin));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                process.stop();
                throw new IllegalStateException("interrupted while starting redis-server", e);
            }
        }
        process.stop();
        throw new IllegalStateException("redis-server 未在 " + timeout.toSeconds() + " 秒内就绪 / not ready: "
                + process.logTail(20));
    }

    /** {@code PING} in the Redis protocol; true on {@code +PONG}. */
    static boolean answersPing(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            out.write("*1\r\n$4\r\nPING\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            byte[] answer = new byte[7];
            int read = in.readNBytes(answer, 0, answer.length);
            return new String(answer, 0, read, StandardCharsets.US_ASCII).equals("+PONG\r\n");
        } catch (IOException e) {
            return false;
        }
    }

    public int port() {
        return port;
    }

    /** {@code redis://127.0.0.1:<port>}, the form of {@code spring.data.redis.url}. */
    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public long pid() {
        return process.pid();
    }

    public Duration startupTime() {
        return startupTime;
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    @Override
    public void close() {
        process.stop(Duration.ofSeconds(5));
    }
}
