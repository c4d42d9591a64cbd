package cn.gov.eqq.govinfo.localinfra.mongo;

import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.Cursor;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.QueryParameters;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import de.bwaldvogel.mongo.backend.memory.MemoryCollection;
import de.bwaldvogel.mongo.backend.memory.MemoryDatabase;
import de.bwaldvogel.mongo.bson.Document;
import io.netty.channel.Channel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
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

        // An insert stores the request's own document, and the oplog copies that same map afterwards, outside the
        // collection's lock: an update that found the new document in between (another replica claiming an import
        // batch the moment it was inserted) changed the map under the copy (ConcurrentModificationException, the
        // insert answered "Unknown error"). The collection keeps a copy of its own; the oplog copies the request's.
        @Override
        protected Integer addDocumentInternal(Document document) {
            return super.addDocumentInternal(document.cloneDeeply());
        }

        /** Set while findAndModify runs: it updates the very documents its own query returns, so those stay live. */
        private boolean inFindAndModify;

        // An update rewrites the stored document in place (mongo-java-server's applyUpdate), and a read answers with
        // the stored document itself, encoded on the network thread after the collection's lock is released: the
        // encoder could meet the map mid-update (ConcurrentModificationException), close the connection, and the
        // client saw "Prematurely reached end of stream". Answers are copied under the lock instead. A shallow copy
        // is enough: an update puts new values into the stored map and never changes the old values themselves.
        @Override
        public synchronized QueryResult handleQuery(QueryParameters parameters) {
            QueryResult answer = super.handleQuery(parameters);
            if (inFindAndModify) {
                return answer;
            }
            List<Document> copies = new ArrayList<>();
            answer.forEach(document -> copies.add(document.clone()));
            return new QueryResult(copies, answer.getCursorId());
        }

        /** The documents a cursor hands out in later batches ({@code getMore}), copied likewise. */
        @Override
        protected Cursor createCursor(List<Document> remaining) {
            return super.createCursor(remaining.stream().map(Document::clone).toList());
        }

        @Override
        public synchronized Document findAndModify(Document query) {
            Document answer;
            inFindAndModify = true;
            try {
                answer = super.findAndModify(query);
            } finally {
                inFindAndModify = false;
            }
            if (answer.get("value") instanceof Document value) {
                answer.put("value", value.clone());
            }
            return answer;
        }

        /** An equality on a value, not an operator document, an array or a regular expression. */
        private static boolean isPlainValue(Object value) {
            return value != null && !(value instanceof Map) && !(value instanceof Collection<?>)
                    && !(value instanceof Pattern) && !value.getClass().isArray();
        }
    }
}
