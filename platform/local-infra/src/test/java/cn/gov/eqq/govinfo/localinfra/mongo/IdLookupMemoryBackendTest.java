package cn.gov.eqq.govinfo.localinfra.mongo;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Filters that name an {@code _id} among other fields are answered from the {@code _id} index and must give exactly
 * what the plain memory backend gives by scanning: a differential test over seeded filters, reads and writes.
 */
class IdLookupMemoryBackendTest {

    private final MongoWireServer ours = MongoWireServer.inMemory(0);
    private final MongoServer plain = new MongoServer(new MemoryBackend());
    private final MongoClient oursClient = MongoClients.create(ours.uri("t"));
    private final MongoClient plainClient = MongoClients.create(
            "mongodb://" + addressOf(plain) + "/t");

    private static String addressOf(MongoServer server) {
        var address = server.bind();
        return address.getHostString() + ":" + address.getPort();
    }

    @AfterEach
    void stop() {
        oursClient.close();
        plainClient.close();
        ours.stop();
        plain.shutdownNow();
    }

    @Test
    void filtersWithAnIdAndOtherFieldsFindWhatAScanFinds() {
        MongoCollection<Document> a = oursClient.getDatabase("t").getCollection("items");
        MongoCollection<Document> b = plainClient.getDatabase("t").getCollection("items");
        List<Document> docs = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            docs.add(new Document("_id", "I" + i).append("version", (long) (i % 3)).append("unit", "U" + (i % 7))
                    .append("tags", List.of("t" + (i % 2), "t" + (i % 5))));
        }
        a.insertMany(docs);
        b.insertMany(docs);
        Random random = new Random(20261128);
        for (int n = 0; n < 300; n++) {
            Document filter = randomFilter(random);
            assertThat(a.find(filter).into(new ArrayList<>())).as(filter.toJson())
                    .isEqualTo(b.find(filter).into(new ArrayList<>()));
            assertThat(a.countDocuments(filter)).as(filter.toJson()).isEqualTo(b.countDocuments(filter));
        }
    }

    @Test
    void aConditionalWriteLandsOnlyWhenEveryFieldMatches() {
        MongoCollection<Document> items = oursClient.getDatabase("t").getCollection("items");
        items.insertOne(new Document("_id", "I1").append("version", 0L).append("title", "初稿"));

        var stale = items.replaceOne(new Document("_id", "I1").append("version", 5L),
                new Document("_id", "I1").append("version", 6L).append("title", "不应写入"));
        var current = items.replaceOne(new Document("_id", "I1").append("version", 0L),
                new Document("_id", "I1").append("version", 1L).append("title", "修改稿"));
        Document claimed = items.findOneAndUpdate(new Document("_id", "I1").append("claim", null),
                Updates.set("claim", "me"), new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
        var notMine = items.updateOne(new Document("_id", "I1").append("claim", "other"), Updates.unset("claim"));
        var missing = items.updateOne(new Document("_id", "I9").append("version", 0L), Updates.set("x", 1));

        assertThat(stale.getMatchedCount()).isZero();
        assertThat(current.getMatchedCount()).isEqualTo(1);
        assertThat(claimed).isNotNull().containsEntry("claim", "me").containsEntry("title", "修改稿");
        assertThat(notMine.getMatchedCount()).isZero();
        assertThat(missing.getMatchedCount()).isZero();
        assertThat(items.find(new Document("_id", "I1")).first()).containsEntry("version", 1L)
                .containsEntry("claim", "me");
    }

    private static Document randomFilter(Random random) {
        Document f = new Document("_id", "I" + random.nextInt(220));
        switch (random.nextInt(6)) {
            case 0 -> f.append("version", (long) random.nextInt(4));
            case 1 -> f.append("unit", "U" + random.nextInt(8)).append("version", (long) random.nextInt(3));
            case 2 -> f.append("tags", "t" + random.nextInt(6));
            case 3 -> f.append("$or", List.of(new Document("version", 0L), new Document("unit", "U1")));
            case 4 -> f.append("version", new Document("$gte", (long) random.nextInt(3)));
            default -> f.append("missing", null);
        }
        return f;
    }
}
