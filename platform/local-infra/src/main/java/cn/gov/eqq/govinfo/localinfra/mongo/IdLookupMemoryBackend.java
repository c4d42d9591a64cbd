package cn.gov.eqq.govinfo.localinfra.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

import java.util.Collection;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The memory backend, answering {@code hello} (see {@link HelloCommand}) and finding a document by its {@code _id}
 * index whenever a filter names one {@code _id} among other fields — as MongoDB's planner does. mongo-java-server
 * uses an index only when its keys are exactly the filter's, so every optimistic write ({@code {_id, version}}),
 * every conditional outbox update and every claim by id scanned the whole collection: 500 such replaces on 20,000
 * documents took 6–11 s instead of 0.3 s (docs/performance.md). The other fields are still matched, on that one
 * candidate.
 */
final class IdLookupMemoryBackend extends MemoryBackend {

    @Override
    public Document handleCommand(Channel channel, String database, String command, Document query) {
        return super.handleCommand(channel, database, HelloCommand.isHello(command) ? "isMaster" : command, query);
    }

    @Override
    public MemoryDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, getCursorRegistry());
    }

    private static final class Database extends MemoryDatabase {
        private final CursorRegistry cursors;

        Database(String name, CursorRegistry cursors) {
            super(name, cursors);
            this.cursors = cursors;
        }

        @Override
        protected MemoryCollection openOrCreateCollection(String collectionName, CollectionOptions options) {
            return new IdLookupCollection(this, collectionName, options, cursors);
        }
    }

    private static final class IdLookupCollection extends MemoryCollection {

        IdLookupCollection(MongoDatabase database, String name, CollectionOptions options, CursorRegistry cursors) {
            super(database, name, options, cursors);
        }

        @Override
        protected QueryResult queryDocuments(Document query, Document orderBy, int skip, int limit, int batchSize,
                                             Document projection) {
            if (query.size() > 1 && isPlainValue(query.get("_id"))) {
                Document byId = new Document("_id", query.get("_id"));
                for (Index<Integer> index : getIndexes()) {
                    if (index.canHandle(byId)) {
                        // top-level fields are ANDed: only the document with this _id can match the whole filter
                        return matchDocuments(query, index.getPositions(byId), orderBy, skip, limit, batchSize,
                                projection);
                    }
                }
            }
            return super.queryDocuments(query, orderBy, skip, limit, batchSize, projection);
        }

        /** An equality on a value, not an operator document, an array or a regular expression. */
        private static boolean isPlainValue(Object value) {
            return value != null && !(value instanceof Map) && !(value instanceof Collection<?>)
                    && !(value instanceof Pattern) && !value.getClass().isArray();
        }
    }
}
