package cn.gov.eqq.govinfo.localinfra.mongo;

import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

/**
 * mongo-java-server 1.47 answers the legacy {@code isMaster} but not its successor {@code hello}, which Spring Boot
 * 4's MongoHealthIndicator sends: without this, a service's readiness (which includes mongo) stays DOWN. Both
 * backends answer {@code hello} as {@code isMaster} (the memory one in {@link IdLookupMemoryBackend}).
 */
final class HelloCommand {

    private HelloCommand() {
    }

    static boolean isHello(String command) {
        return "hello".equalsIgnoreCase(command);
    }

    static final class H2 extends H2Backend {
        H2(String fileName) {
            super(fileName);
        }

        @Override
        public Document handleCommand(Channel channel, String database, String command, Document query) {
            return super.handleCommand(channel, database, isHello(command) ? "isMaster" : command, query);
        }
    }
}
