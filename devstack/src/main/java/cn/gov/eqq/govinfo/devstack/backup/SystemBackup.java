package cn.gov.eqq.govinfo.devstack.backup;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.bson.Document;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A backup of the whole system into one directory, and its restore into an empty system:
 * {@code mongo/<database>/…} (every collection, Extended JSON), {@code kafka/<topic>.jsonl} (every record),
 * {@code keycloak/realm.json} (the realm export) and {@code manifest.json} (time, versions, counts, SHA-256 of every
 * file). The databases are dumped first and the topics second, so every event a database's outbox had published
 * is in the topic dump and every event still in an outbox is published again by its relay after a restore; consumers
 * deduplicate on the event id, so re-reading the restored topics brings every service to the same state
 * (docs/backup-and-retention.md).
 *
 * @param mongoBaseUri a MongoDB URI without a database, e.g. {@code mongodb://127.0.0.1:27017/}
 * @param databases    the services' databases
 * @param kafka        Kafka's bootstrap servers
 * @param topics       the project's topics (events and dead letters)
 * @param restartable  topics a freshly started system has already written to (the unit directory, the rankings): a
 *                     restore adds the backup's records to them; every other topic must be empty
 * @param realm        the realm's export, or {@code null} to leave Keycloak out
 */
public record SystemBackup(String mongoBaseUri, List<String> databases, String kafka, List<String> topics,
                           java.util.Set<String> restartable, RealmExport realm, Clock clock) {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    static final String MANIFEST = "manifest.json";
    static final int FORMAT = 1;

    public ObjectNode backup(Path dir) {
        try {
            Files.createDirectories(dir);
            try (Stream<Path> existing = Files.list(dir)) {
                if (existing.findAny().isPresent()) {
                    throw new IllegalStateException("备份目录不是空的 / backup directory is not empty: " + dir);
                }
            }
            ObjectNode manifest = JSON.createObjectNode();
            manifest.put("format", FORMAT);
            manifest.put("createdAt", clock.instant().toString());
            manifest.put("govinfoVersion", String.valueOf(SystemBackup.class.getPackage().getImplementationVersion()));
            ObjectNode dbs = manifest.putObject("databases");
            try (MongoClient client = MongoClients.create(mongoBaseUri)) {
                for (String database : databases) {
                    ObjectNode db = dbs.putObject(database);
                    db.put("schemaVersion", schemaVersion(client, database));
                    ObjectNode counts = db.putObject("documents");
                    DatabaseDump.dump(client, database, dir.resolve("mongo")).forEach(counts::put);
                }
            }
            Files.createDirectories(dir.resolve("kafka"));
            ObjectNode records = manifest.putObject("topics");
            for (String topic : topics) {
                records.put(topic, TopicDump.dump(kafka, topic, dir.resolve("kafka")));
            }
            if (realm != null) {
                Files.createDirectories(dir.resolve("keycloak"));
                Files.writeString(dir.resolve("keycloak/realm.json"), realm.export(), StandardCharsets.UTF_8);
            }
            ObjectNode sums = manifest.putObject("sha256");
            checksums(dir).forEach(sums::put);
            Files.writeString(dir.resolve(MANIFEST), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(manifest),
                    StandardCharsets.UTF_8);
            return manifest;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Restores a backup into an empty system; checks every file against the manifest first. */
    public ObjectNode restore(Path dir) {
        try {
            JsonNode manifest = JSON.readTree(Files.readString(dir.resolve(MANIFEST), StandardCharsets.UTF_8));
            Map<String, String> actual = checksums(dir);
            manifest.path("sha256").properties().forEach(e -> {
                if (!e.getValue().asString().equals(actual.get(e.getKey()))) {
                    throw new IllegalStateException("备份文件已损坏或缺失 / backup file damaged or missing: "
                            + e.getKey());
                }
            });
            // the system must be empty: no event on any topic but those a fresh system writes itself (the unit
            // directory and the rankings, latest states the backup's records supersede)
            for (String topic : topics) {
                if (!restartable.contains(topic) && TopicDump.size(kafka, topic) > 0) {
                    throw new IllegalStateException("主题 " + topic + " 不是空的：只能恢复到空系统 / topic " + topic
                            + " is not empty: restore only into an empty system");
                }
            }
            ObjectNode restored = JSON.createObjectNode();
            ObjectNode dbs = restored.putObject("databases");
            try (MongoClient client = MongoClients.create(mongoBaseUri)) {
                for (String database : databases) {
                    ObjectNode counts = dbs.putObject(database);
                    DatabaseDump.restore(client, database, dir.resolve("mongo")).forEach(counts::put);
                }
            }
            ObjectNode records = restored.putObject("topics");
            for (String topic : topics) {
                records.put(topic, TopicDump.restore(kafka, topic, dir.resolve("kafka")));
            }
            Path realmFile = dir.resolve("keycloak/realm.json");
            if (realm != null && Files.exists(realmFile)) {
                JsonNode answer = JSON.readTree(realm.restore(Files.readString(realmFile, StandardCharsets.UTF_8)));
                ObjectNode summary = restored.putObject("realm");
                for (String field : new String[] {"added", "skipped", "overwritten"}) {
                    summary.put(field, answer.path(field).asInt());
                }
            }
            return restored;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int schemaVersion(MongoClient client, String database) {
        Document newest = client.getDatabase(database).getCollection("schema_migrations").find()
                .sort(new Document("_id", -1)).first();
        return newest == null ? 0 : ((Number) newest.get("_id")).intValue();
    }

    /** SHA-256 of every file under the directory except the manifest, by relative path. */
    static Map<String, String> checksums(Path dir) throws IOException {
        Map<String, String> sums = new TreeMap<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String relative = dir.relativize(file).toString().replace('\\', '/');
                if (!relative.equals(MANIFEST)) {
                    sums.put(relative, sha256(file));
                }
            }
        }
        return sums;
    }

    private static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
