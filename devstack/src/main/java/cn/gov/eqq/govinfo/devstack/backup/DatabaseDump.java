package cn.gov.eqq.govinfo.devstack.backup;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.bson.json.JsonMode;
import org.bson.json.JsonWriterSettings;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Every collection of a database as MongoDB Extended JSON (canonical: types survive, e.g. dates, longs, decimals),
 * one document a line in {@code <dir>/<database>/<collection>.jsonl}, in {@code _id} order, read and written through
 * the driver so that it works on the devstack's wire server and on a real mongod alike. Index definitions go to
 * {@code <collection>.indexes.jsonl} (the services also re-create theirs at start).
 */
final class DatabaseDump {

    private static final JsonWriterSettings EXTENDED = JsonWriterSettings.builder().outputMode(JsonMode.EXTENDED)
            .build();

    private DatabaseDump() {
    }

    /** Dumps one database; returns the document count per collection. */
    static Map<String, Long> dump(MongoClient client, String database, Path dir) {
        MongoDatabase db = client.getDatabase(database);
        Path target = dir.resolve(database);
        Map<String, Long> counts = new LinkedHashMap<>();
        try {
            Files.createDirectories(target);
            List<String> names = db.listCollectionNames().into(new ArrayList<>());
            names.sort(String::compareTo);
            for (String name : names) {
                long n = 0;
                try (BufferedWriter out = Files.newBufferedWriter(target.resolve(name + ".jsonl"),
                        StandardCharsets.UTF_8)) {
                    for (Document d : db.getCollection(name).find().sort(new Document("_id", 1))) {
                        out.write(d.toJson(EXTENDED));
                        out.write('\n');
                        n++;
                    }
                }
                try (BufferedWriter out = Files.newBufferedWriter(target.resolve(name + ".indexes.jsonl"),
                        StandardCharsets.UTF_8)) {
                    // by name: servers list indexes in creation order, which a restore does not keep
                    List<Document> indexes = db.getCollection(name).listIndexes().into(new ArrayList<>());
                    indexes.sort(java.util.Comparator.comparing(i -> i.getString("name")));
                    for (Document index : indexes) {
                        out.write(index.toJson(EXTENDED));
                        out.write('\n');
                    }
                }
                counts.put(name, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    /**
     * Restores one database: every collection it has is dropped first (a freshly started system has seeded its units
     * and recorded its migrations), then the dumped collections are filled and indexed.
     */
    static Map<String, Long> restore(MongoClient client, String database, Path dir) {
        MongoDatabase db = client.getDatabase(database);
        Path source = dir.resolve(database);
        Map<String, Long> counts = new LinkedHashMap<>();
        if (!Files.isDirectory(source)) {
            return counts;
        }
        // a freshly started system has seeded its units and recorded its migrations: the backup replaces them
        for (String existing : db.listCollectionNames().into(new ArrayList<>())) {
            db.getCollection(existing).drop();
        }
        try (Stream<Path> files = Files.list(source)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".jsonl")
                    && !f.getFileName().toString().endsWith(".indexes.jsonl")).sorted().toList()) {
                String name = file.getFileName().toString().replaceFirst("\\.jsonl$", "");
                db.createCollection(name); // an empty collection stays a collection
                MongoCollection<Document> collection = db.getCollection(name);
                restoreIndexes(collection, source.resolve(name + ".indexes.jsonl"));
                long n = 0;
                List<Document> batch = new ArrayList<>();
                try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    String line;
                    while ((line = in.readLine()) != null) {
                        if (line.isBlank()) {
                            continue;
                        }
                        batch.add(Document.parse(line));
                        n++;
                        if (batch.size() == 500) {
                            collection.insertMany(batch);
                            batch.clear();
                        }
                    }
                }
                if (!batch.isEmpty()) {
                    collection.insertMany(batch);
                }
                counts.put(name, n);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return counts;
    }

    private static void restoreIndexes(MongoCollection<Document> collection, Path file) throws IOException {
        if (!Files.exists(file)) {
            return;
        }
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.isBlank()) {
                continue;
            }
            Document index = Document.parse(line);
            if ("_id_".equals(index.getString("name"))) {
                continue;
            }
            var options = new com.mongodb.client.model.IndexOptions().name(index.getString("name"))
                    .unique(Boolean.TRUE.equals(index.getBoolean("unique")))
                    .sparse(Boolean.TRUE.equals(index.getBoolean("sparse")));
            if (index.get("expireAfterSeconds") instanceof Number seconds) {
                options.expireAfter(seconds.longValue(), java.util.concurrent.TimeUnit.SECONDS);
            }
            if (index.get("partialFilterExpression") instanceof Document filter) {
                options.partialFilterExpression(filter);
            }
            collection.createIndex(index.get("key", Document.class), options);
        }
    }
}
