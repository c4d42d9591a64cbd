package cn.gov.eqq.govinfo.systemtest.upgrade;

import cn.gov.eqq.govinfo.devstack.DevStack;
import cn.gov.eqq.govinfo.systemtest.RunningSystem;
import cn.gov.eqq.govinfo.testsupport.keycloak.Tokens;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Makes the upgrade fixture that {@link UpgradeAndRestoreIT} restores: on an empty system of the code checked out,
 * the room imports a year ({@value SystemAnswers#YEAR}) of items of all 52 units and the adoptions and instructions of
 * some of them, drafts, reviews and publishes the four quarterly circulars and the annual evaluation (one quarterly
 * circular with a unit's objection, one corrected and published again), then the system is backed up as
 * {@code bin/govinfo backup} does and every answer of {@link SystemAnswers} is captured. Both go into
 * {@code src/test/resources/upgrade/fixture.zip}, with the commit they were made from.
 *
 * <p>Not part of the suite (the name matches no test pattern): run it on the release whose data the proof must carry
 * forward — {@code ./mvnw -q -B package -DskipTests}, then
 * {@code ./mvnw -B -pl system-tests verify -Dit.test=UpgradeFixtureCapture -Dsurefire.skip=true}.
 */
class UpgradeFixtureCapture {

    private static final int YEAR = SystemAnswers.YEAR;
    private static final String[] CATEGORIES = {"DYNAMIC", "DYNAMIC", "BRIEF", "COMPREHENSIVE", "PROBLEM",
            "RESEARCH_REPORT"};
    private static final String[] SUBJECTS = {"推进重点项目建设", "优化营商环境", "做好草原生态保护", "抓好民生实事",
            "开展安全生产检查", "推动乡村振兴", "深化改革攻坚", "加强基层治理"};

    @Test
    void captureTheFixture() throws Exception {
        Path repo = RunningSystem.repoRoot();
        Path work = repo.resolve("system-tests/target/upgrade-capture-" + System.currentTimeMillis());
        try (DevStack stack = Stacks.startEmpty(work.resolve("system"))) {
            stack.startServices();
            Api api = new Api(stack.gatewayUrl());
            Tokens tokens = new Tokens(stack.keycloakIssuerUri());
            enterAYear(api, tokens);
            publishTheCirculars(api, tokens);
            Path fixture = work.resolve("fixture");
            Stacks.backup(stack, fixture.resolve("backup"));
            int answers = SystemAnswers.capture(api, tokens, fixture.resolve("answers"));
            System.out.println("[upgrade] captured " + answers + " answers");
            Files.writeString(fixture.resolve("made-from.txt"), git(repo, "rev-parse", "HEAD") + "\n"
                    + Instant.now() + "\n", StandardCharsets.UTF_8);
            Path zip = repo.resolve("system-tests/src/test/resources/upgrade/fixture.zip");
            zip(fixture, zip);
            System.out.println("[upgrade] fixture " + zip + ": " + Files.size(zip) + " bytes");
        }
    }

    /** A year of items of every unit (imported, as the room enters its past records), and some adoptions. */
    private static void enterAYear(Api api, Tokens tokens) {
        String room = tokens.password("room-editor");
        List<JsonNode> units = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            units.clear();
            SystemAnswers.require(api.get("/api/intake/units", room)).json().forEach(units::add);
            assertThat(units).hasSize(52);
        });
        Random random = new Random(YEAR);
        StringBuilder items = new StringBuilder("unit_id,title,category,submitted_at,outcome,decided_at,forwarded_at,"
                + "major_emergency,topics,void_reason,body\n");
        StringBuilder adoptions = new StringBuilder("unit,title,kind,publication,issue_no,date,leader,text\n");
        int rows = 0;
        int bulletin = 0;
        for (int u = 0; u < units.size(); u++) {
            String unitId = units.get(u).get("unitId").asString();
            boolean silent = u == units.size() - 1; // one unit sends nothing all year: named in every circular
            for (int month = 1; month <= 12; month++) {
                int count = silent ? 0 : random.nextInt(4);
                for (int k = 1; k <= count; k++) {
                    int day = 1 + random.nextInt(27);
                    String title = unitId + " " + month + "月第" + k + "条：" + SUBJECTS[random.nextInt(SUBJECTS.length)];
                    String category = CATEGORIES[random.nextInt(CATEGORIES.length)];
                    String submitted = "%d-%02d-%02d %02d:%02d".formatted(YEAR, month, day, 8 + random.nextInt(9),
                            random.nextInt(60));
                    String decided = "%d-%02d-%02d 09:00".formatted(YEAR, month, day + 1);
                    boolean voided = random.nextInt(10) == 0;
                    boolean forwarded = !voided && random.nextInt(6) == 0;
                    items.append(String.join(",", unitId, title, category, submitted, voided ? "VOIDED" : "RECEIVED",
                            decided, forwarded ? "%d-%02d-%02d".formatted(YEAR, month, day + 1) : "", "否",
                            random.nextBoolean() ? "深化改革" : "民生改善", voided ? "与已报信息重复" : "",
                            "本单位" + month + "月工作情况。问题类信息附对策建议。")).append('\n');
                    rows++;
                    if (!voided && random.nextInt(8) == 0) {
                        String date = "%d-%02d-%02d".formatted(YEAR, month, Math.min(28, day + 3));
                        String adoption = switch (random.nextInt(4)) {
                            case 0 -> "CITY_BULLETIN_ADOPTED,鄂尔多斯政讯," + YEAR + "年第" + (++bulletin) + "期," + date
                                    + ",,";
                            case 1 -> "REGION_DAILY_BRIEF_ADOPTED,每日要情,第" + (100 + (++bulletin)) + "期," + date + ",,";
                            case 2 -> "CITY_LEADER_INSTRUCTION,,," + date + ",某副市长,请有关部门总结推广";
                            default -> "CITY_FORWARDED_TO_REGION,,," + date + ",,";
                        };
                        adoptions.append(unitId).append(',').append(title).append(',').append(adoption).append('\n');
                    }
                }
            }
        }
        Api.Answer accepted = api.upload("/api/intake/imports", room, "past-" + YEAR + ".csv", items.toString());
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(202);
        // checked and written in the background: the batch tells its progress until it is done
        Api.Answer[] imported = new Api.Answer[1];
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            imported[0] = api.get("/api/intake/imports/" + accepted.json().get("batchId").asString(), room);
            return imported[0].ok() && List.of("DONE", "FAILED").contains(imported[0].json().get("state").asString());
        });
        assertThat(imported[0].json().get("state").asString()).as(imported[0].toString()).isEqualTo("DONE");
        assertThat(imported[0].json().get("added").asInt()).isEqualTo(rows);
        System.out.println("[upgrade] imported " + rows + " items");
        // adoption-tracking learns of the items from intake's events; until then its check names unknown items and
        // the batch fails, and the same file uploaded again is checked again. Checked and written in the background.
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            Api.Answer a = api.postCsv("/api/adoption/imports?fileName=adoptions-" + YEAR + ".csv",
                    tokens.password("room-editor"), adoptions.toString());
            assertThat(a.status()).as(a.toString()).isEqualTo(202);
            Api.Answer[] batch = new Api.Answer[1];
            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                batch[0] = api.get("/api/adoption/imports/" + a.json().get("batchId").asString(),
                        tokens.password("room-editor"));
                return batch[0].ok() && List.of("DONE", "FAILED").contains(batch[0].json().get("state").asString());
            });
            assertThat(batch[0].json().get("state").asString()).as(batch[0].toString()).isEqualTo("DONE");
        });
        System.out.println("[upgrade] imported " + (adoptions.toString().split("\n").length - 1) + " adoptions");
        awaitRankingsSettled(api, tokens);
    }

    /** Reporting keeps the rankings scoring publishes: the year's ranking of every group agrees in both. */
    private static void awaitRankingsSettled(Api api, Tokens tokens) {
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofSeconds(3)).untilAsserted(() -> {
            String leader = tokens.password("banner-leader");
            for (String period : SystemAnswers.periods()) {
                for (int group : SystemAnswers.GROUPS) {
                    String query = "?group=" + group + "&period=" + period;
                    Api.Answer kept = api.get("/api/reporting/rankings" + query, leader);
                    assertThat(kept.status()).as(period + " group " + group + ": " + kept).isEqualTo(200);
                    Api.Answer computed = SystemAnswers.require(api.get("/api/scoring/rankings" + query, leader));
                    assertThat(pointsByUnit(kept.json())).as(period + " group " + group)
                            .isEqualTo(pointsByUnit(computed.json()));
                }
            }
        });
    }

    private static Map<String, Integer> pointsByUnit(JsonNode ranking) {
        Map<String, Integer> points = new HashMap<>();
        ranking.get("rows").forEach(r -> points.put(r.get("unitId").asString(), r.get("points").asInt()));
        return points;
    }

    private static void publishTheCirculars(Api api, Tokens tokens) {
        for (int q = 1; q <= 4; q++) {
            String id = draft(api, tokens, "QUARTERLY", YEAR + "-Q" + q);
            if (q == 3) {
                reviewWithAnObjection(api, tokens, id);
            } else {
                review(api, tokens, id, Duration.ofSeconds(2));
            }
            publish(api, tokens, id);
        }
        String annual = draft(api, tokens, "ANNUAL", Integer.toString(YEAR));
        review(api, tokens, annual, Duration.ofSeconds(2));
        publish(api, tokens, annual);

        String q2 = YEAR + "-Q2";
        JsonNode first = null;
        for (JsonNode c : SystemAnswers.require(api.get("/api/reporting/circulars?period=" + q2,
                tokens.password("room-editor"))).json()) {
            first = c;
        }
        Api.Answer corrected = api.post("/api/reporting/circulars/" + first.get("id").asString() + "/corrections",
                tokens.password("room-editor"), "{\"reason\":\"附件中一条采用信息的刊物期号录入有误\"}");
        assertThat(corrected.status()).as(corrected.toString()).isEqualTo(201);
        String second = corrected.json().get("id").asString();
        review(api, tokens, second, Duration.ofSeconds(2));
        publish(api, tokens, second);
    }

    private static String draft(Api api, Tokens tokens, String kind, String period) {
        Api.Answer drafted = api.post("/api/reporting/circulars", tokens.password("room-editor"),
                "{\"kind\":\"" + kind + "\",\"period\":\"" + period + "\"}");
        assertThat(drafted.status()).as(drafted.toString()).isEqualTo(201);
        return drafted.json().get("id").asString();
    }

    private static void review(Api api, Tokens tokens, String id, Duration window) {
        Api.Answer opened = api.post("/api/reporting/circulars/" + id + "/review", tokens.password("room-editor"),
                "{\"closesAt\":\"" + Instant.now().plus(window) + "\"}");
        assertThat(opened.status()).as(opened.toString()).isEqualTo(200);
    }

    private static void reviewWithAnObjection(Api api, Tokens tokens, String id) {
        review(api, tokens, id, Duration.ofSeconds(20));
        Api.Answer objected = api.post("/api/reporting/circulars/" + id + "/objections", tokens.password("u006-reporter"),
                "{\"reason\":\"本单位8月有一条信息被《鄂尔多斯政讯》采用，排名表中未体现\"}");
        assertThat(objected.status()).as(objected.toString()).isEqualTo(201);
        JsonNode circular = SystemAnswers.require(api.get("/api/reporting/circulars/" + id,
                tokens.password("room-editor"))).json();
        String objectionId = circular.get("objections").get(0).get("id").asString();
        Api.Answer resolved = api.post("/api/reporting/circulars/" + id + "/objections/" + objectionId + "/resolution",
                tokens.password("room-editor"),
                "{\"resolution\":\"DISMISSED\",\"reply\":\"经核实，该条信息的采用日期在第四季度，计入第四季度\"}");
        assertThat(resolved.status()).as(resolved.toString()).isEqualTo(200);
    }

    /** Publishing is refused while the review window is open; it is tried until the window has closed. */
    private static void publish(Api api, Tokens tokens, String id) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            Api.Answer published = api.post("/api/reporting/circulars/" + id + "/publish",
                    tokens.password("room-editor"), "");
            assertThat(published.status()).as(published.toString()).isEqualTo(200);
        });
    }

    private static String git(Path repo, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
        command.addAll(Arrays.asList(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        p.waitFor();
        return out;
    }

    /** Every file under {@code dir}, in path order, into one zip (the fixture stays one small file in git). */
    private static void zip(Path dir, Path zip) throws IOException {
        Files.createDirectories(zip.getParent());
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out);
             Stream<Path> files = Files.walk(dir)) {
            z.setLevel(9);
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                ZipEntry entry = new ZipEntry(dir.relativize(file).toString().replace('\\', '/'));
                entry.setTime(0);
                z.putNextEntry(entry);
                Files.copy(file, z);
                z.closeEntry();
            }
        }
    }
}
