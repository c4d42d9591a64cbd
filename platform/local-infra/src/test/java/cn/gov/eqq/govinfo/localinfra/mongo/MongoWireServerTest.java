package cn.gov.eqq.govinfo.localinfra.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class MongoWireServerTest {

    @TempDir
    Path dir;

    @Test
    void dataInTheH2FileSurvivesARestart() {
        Path file = dir.resolve("mongo/govinfo.mv");
        MongoWireServer first = MongoWireServer.h2File(file, 0);
        try (MongoClient client = MongoClients.create(first.uri("intake"))) {
            items(client).insertOne(new Document("_id", "item-1").append("title", "乡村振兴动态").append("points", 1));
        }
        first.stop();

        MongoWireServer second = MongoWireServer.h2File(file, 0);
        try (MongoClient client = MongoClients.create(second.uri("intake"))) {
            Document found = items(client).find(new Document("_id", "item-1")).first();
            assertThat(found).isNotNull();
            assertThat(found.getString("title")).isEqualTo("乡村振兴动态");
            assertThat(found.getInteger("points")).isEqualTo(1);
        } finally {
            second.stop();
        }
    }

    @Test
    void memoryDataIsGoneAfterARestart() {
        MongoWireServer first = MongoWireServer.inMemory(0);
        try (MongoClient client = MongoClients.create(first.uri("intake"))) {
            items(client).insertOne(new Document("_id", "item-1"));
            assertThat(items(client).countDocuments()).isEqualTo(1);
        }
        first.stop();

        MongoWireServer second = MongoWireServer.inMemory(0);
        try (MongoClient client = MongoClients.create(second.uri("intake"))) {
            assertThat(items(client).countDocuments()).isZero();
        } finally {
            second.stop();
        }
    }

    @Test
    void uriNamesLoopbackTheBoundPortAndTheDatabase() {
        try (MongoWireServer server = MongoWireServer.inMemory(0)) {
            assertThat(server.port()).isPositive();
            assertThat(server.uri("scoring")).isEqualTo("mongodb://127.0.0.1:" + server.port() + "/scoring");
        }
    }

    @Test
    void answersTheHelloCommandThatSpringBootsMongoHealthCheckSends() {
        for (MongoWireServer server : new MongoWireServer[] {MongoWireServer.inMemory(0),
            MongoWireServer.h2File(dir.resolve("hello.mv"), 0)}) {
            try (MongoClient client = MongoClients.create(server.uri("scoring"))) {
                Document hello = client.getDatabase("scoring").runCommand(new Document("hello", 1));
                assertThat(hello.get("ok")).isIn(1, 1.0);
                assertThat(hello.getInteger("maxWireVersion")).isPositive();
            } finally {
                server.stop();
            }
        }
    }

    private static MongoCollection<Document> items(MongoClient client) {
        return client.getDatabase("intake").getCollection("items");
    }
}
