package cn.gov.eqq.govinfo.testsupport.mongo;

import cn.gov.eqq.govinfo.localinfra.mongo.MongoWireServer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * One MongoDB per test JVM: a real {@code mongod} in a container where Docker runs (Testcontainers), otherwise the
 * in-process wire-compatible server (mongo-java-server, memory backend). Which one ran is printed, never hidden.
 * Set {@code GOVINFO_TEST_MONGODB_URI} (a base URI without database) to use a server of your own.
 */
public final class MongoTestServer {

    private static String baseUri;

    private MongoTestServer() {
    }

    /** A URI for the given database on this JVM's test server. */
    public static synchronized String uri(String database) {
        if (baseUri == null) {
            baseUri = start();
        }
        return baseUri + "/" + database;
    }

    private static String start() {
        String external = System.getenv("GOVINFO_TEST_MONGODB_URI");
        if (external != null && !external.isBlank()) {
            System.out.println("[MongoTestServer] using the MongoDB server at GOVINFO_TEST_MONGODB_URI");
            return stripTrailingSlash(external);
        }
        if (dockerAvailable()) {
            MongoDBContainer container = new MongoDBContainer("mongo:7.0");
            container.start();
            Runtime.getRuntime().addShutdownHook(new Thread(container::stop));
            System.out.println("[MongoTestServer] Docker is available: using a real mongod container " + container.getReplicaSetUrl());
            String url = container.getConnectionString();
            return stripTrailingSlash(url);
        }
        // the devstack's own in-memory server (oplog on; answers and stored documents copied, so that concurrent
        // replicas in one test cannot meet a document mid-update inside the server)
        MongoWireServer server = MongoWireServer.inMemory(0);
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        System.out.println("[MongoTestServer] no Docker here: using the in-process MongoDB wire-compatible server "
                + "(mongo-java-server, memory backend) on port " + server.port());
        return "mongodb://127.0.0.1:" + server.port();
    }

    private static boolean dockerAvailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    private static String stripTrailingSlash(String uri) {
        return uri.endsWith("/") ? uri.substring(0, uri.length() - 1) : uri;
    }
}
