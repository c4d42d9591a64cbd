package cn.gov.eqq.govinfo.reporting.config;

import cn.gov.eqq.govinfo.platform.migration.Migration;
import cn.gov.eqq.govinfo.reporting.circular.adapter.out.poi.CircularDocxRenderer;
import cn.gov.eqq.govinfo.reporting.circular.adapter.out.poi.CircularXlsxRenderer;
import cn.gov.eqq.govinfo.reporting.circular.domain.Circular;
import cn.gov.eqq.govinfo.reporting.circular.domain.CircularFixtures;
import cn.gov.eqq.govinfo.reporting.circular.domain.Letterhead;
import cn.gov.eqq.govinfo.testsupport.mongo.MongoTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.mongodb.core.MongoTemplate;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Migration v2 on a circular stored by the first release (the document as that release wrote it, and the Word and
 * Excel files that release rendered from it, in {@code first-release/}): afterwards the circular renders exactly
 * the files it was issued as. Only {@code docProps/core.xml} is left out of the comparison: POI stamps the time of
 * rendering into it, so two downloads of the same circular never had the same bytes there. And the statistics
 * sheet's count cells ({@code BRIEF:1 RESEARCH_REPORT:1}) are compared as sets of counts: the first release wrote
 * them in the order of an immutable map, which changes from one JVM to the next (now they are sorted by key).
 */
class CircularsKeepTheirLetterheadMigrationTest {

    private static final String ID = "QUARTERLY-2026-Q3-v1";
    private static final String RENDER_TIME_STAMP = "docProps/core.xml";
    private static final java.util.regex.Pattern COUNTS =
            java.util.regex.Pattern.compile("<t>([^<: ]+:\\d+(?: [^<: ]+:\\d+)+)</t>");

    private final MongoClient client = MongoClients.create(MongoTestServer.uri("reporting-migration"));
    private final String dbName = "migration-" + UUID.randomUUID();
    private final MongoDatabase db = client.getDatabase(dbName);
    private final MongoTemplate mongo = new MongoTemplate(client, dbName);
    private final Migration migration = SchemaMigrations.circularsKeepTheirLetterhead();

    @AfterEach
    void close() {
        client.close();
    }

    @Test
    void aCircularOfTheFirstReleaseKeepsTheWordsItWasIssuedWith() throws Exception {
        db.getCollection("circulars").insertOne(Document.parse(resource("json")));

        migration.apply(db);

        Document stored = db.getCollection("circulars").find(new Document("_id", ID)).first();
        assertThat(stored.get("circular", Document.class).get("letterhead", Document.class)).isEqualTo(new Document(
                "notice", "《鄂托克前旗人民政府办公室关于进一步加强政务信息工作的补充通知》（鄂前政办发〔2022〕65号）")
                .append("numberPrefix", "鄂前政办信")
                .append("addressees", "各镇人民政府，上海庙经济开发区管委会，旗直各部门、各单位："));

        Circular migrated = read();
        assertThat(migrated.letterhead()).isEqualTo(Letterhead.FIRST_RELEASE);
        assertThat(parts(new CircularDocxRenderer().render(migrated, CircularFixtures.NOW)))
                .isEqualTo(parts(bytes("docx")));
        assertThat(parts(new CircularXlsxRenderer().render(migrated))).isEqualTo(parts(bytes("xlsx")));
    }

    @Test
    void theMigrationLeavesACircularWithItsOwnLetterheadAlone() {
        Document doc = Document.parse(resource("json"));
        doc.get("circular", Document.class).append("letterhead", new Document("notice", "《通知》")
                .append("numberPrefix", "某政办信").append("addressees", "各单位："));
        db.getCollection("circulars").insertOne(doc);

        migration.apply(db);
        migration.apply(db);

        assertThat(read().letterhead()).isEqualTo(new Letterhead("《通知》", "某政办信", "各单位："));
    }

    private Circular read() {
        Document stored = db.getCollection("circulars").find(new Document("_id", ID)).first();
        return mongo.getConverter().read(Circular.class, stored.get("circular", Document.class));
    }

    /** Every part of the package except the render-time stamp, by name. */
    private static Map<String, String> parts(byte[] zip) throws IOException {
        Map<String, String> parts = new TreeMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                if (!e.getName().equals(RENDER_TIME_STAMP)) {
                    parts.put(e.getName(), countsSorted(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
                }
            }
        }
        return parts;
    }

    private static String countsSorted(String xml) {
        return COUNTS.matcher(xml).replaceAll(m -> "<t>" + java.util.Arrays.stream(m.group(1).split(" ")).sorted()
                .collect(java.util.stream.Collectors.joining(" ")) + "</t>");
    }

    private static String resource(String ext) {
        return new String(bytes(ext), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String ext) {
        try (InputStream in = CircularsKeepTheirLetterheadMigrationTest.class
                .getResourceAsStream("/first-release/circular-" + ID + "." + ext)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
