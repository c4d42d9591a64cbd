package cn.gov.eqq.govinfo.localinfra.mongo;

import cn.gov.eqq.govinfo.localinfra.process.FreePorts;
import de.bwaldvogel.mongo.MongoBackend;
import de.bwaldvogel.mongo.MongoServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A MongoDB wire-protocol server in this JVM (mongo-java-server): data in memory, or in an H2 MVStore file that
 * survives restarts. The oplog is on, so change streams work; sessions and multi-document transactions do not.
 * Bound to 127.0.0.1 only.
 */
public final class MongoWireServer implements AutoCloseable {

    private final MongoServer server;
    private final int port;
    private final String description;

    private MongoWireServer(MongoBackend backend, int port, String description) {
        this.server = new MongoServer(backend);
        this.server.enableOplog();
        this.server.bind(FreePorts.LOOPBACK, port);
        InetSocketAddress address = server.getLocalAddress();
        this.port = address.getPort();
        this.description = description;
    }

    /** Data in memory, gone at stop. {@code port} 0 = a free port. */
    public static MongoWireServer inMemory(int port) {
        return new MongoWireServer(new IdLookupMemoryBackend(), port, "memory");
    }

    /** Data in the H2 file {@code file} (created when missing), kept across restarts. {@code port} 0 = a free port. */
    public static MongoWireServer h2File(Path file, int port) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + file.getParent(), e);
        }
        return new MongoWireServer(new HelloCommand.H2(file.toAbsolutePath().toString()), port, "h2 " + file);
    }

    public int port() {
        return port;
    }

    /** {@code mongodb://127.0.0.1:<port>/<database>}. */
    public String uri(String database) {
        return "mongodb://" + FreePorts.LOOPBACK + ":" + port + "/" + database;
    }

    /** "memory" or "h2 &lt;file&gt;". */
    public String description() {
        return description;
    }

    /** Closes client connections, then the backend (which writes the H2 file to disk). */
    public void stop() {
        server.shutdownNow(); // closes the backend too
    }

    @Override
    public void close() {
        stop();
    }
}
