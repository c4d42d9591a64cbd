package cn.gov.eqq.govinfo.systemtest.faults;

import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.devstack.DevStack;
import cn.gov.eqq.govinfo.testsupport.keycloak.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 9, fault 4: every event of every topic delivered again — each topic's whole history re-produced with its keys
 * and headers, as a replaying or retrying producer would — leaves the rankings and every read model unchanged.
 */
class DuplicateDeliveryIT {

    static final List<String> EVENT_TOPICS = List.of(Topics.UNITS, Topics.ITEMS, Topics.ADOPTIONS, Topics.COMMISSIONS,
            Topics.RANKINGS);
    /** Fields that say when or in which version something was kept, not what it says. */
    static final Set<String> BOOKKEEPING = Set.of("lastSnapshotVersion", "snapshotVersion", "keptAt", "computedAt");

    @Test
    void redeliveringEveryEventChangesNoRankingAndNoReadModel() {
        DevStack stack = FaultStack.stack();
        Tokens tokens = FaultStack.tokens();
        String gateway = stack.gatewayUrl();
        EventLog log = new EventLog(stack.kafkaBootstrapServers());
        Workload load = new Workload(gateway, tokens, true, "重复");
        for (int n = 0; n < 5; n++) { // something of every kind on every topic, whatever ran before
            load.cycle(n * 4);
        }
        log.awaitNoLag(CrashBetweenWriteAndPublishIT.CONSUMER_GROUPS, Duration.ofSeconds(90));
        Http.sleep(7000); // scoring publishes a dirty ranking within publish-max-delay (5 s); reporting keeps it
        log.awaitNoLag(CrashBetweenWriteAndPublishIT.CONSUMER_GROUPS, Duration.ofSeconds(90));
        Map<String, JsonNode> before = readModels(gateway, tokens, load);

        Map<String, Integer> replayed = new LinkedHashMap<>();
        List<ProducerRecord<String, String>> again = new ArrayList<>();
        for (String topic : EVENT_TOPICS) {
            int count = 0;
            for (ConsumerRecord<String, String> record : log.readAll(topic)) {
                if (record.key() != null && record.key().startsWith("poison-")) {
                    continue; // not events: the poison test's records (dead-lettered again would prove nothing new)
                }
                again.add(new ProducerRecord<>(topic, record.partition(), record.key(), record.value(),
                        record.headers()));
                count++;
            }
            replayed.put(topic, count);
        }
        long begin = System.nanoTime();
        log.produce(again);
        double lagSeconds = log.awaitNoLag(CrashBetweenWriteAndPublishIT.CONSUMER_GROUPS, Duration.ofSeconds(180));
        Http.sleep(7000); // give a wrongly dirtied ranking the time to be published and kept
        log.awaitNoLag(CrashBetweenWriteAndPublishIT.CONSUMER_GROUPS, Duration.ofSeconds(90));
        double settledSeconds = (System.nanoTime() - begin) / 1e9;
        Map<String, JsonNode> after = readModels(gateway, tokens, load);

        Map<String, String> changed = new TreeMap<>();
        before.forEach((name, view) -> {
            if (!strip(view).equals(strip(after.get(name)))) {
                changed.put(name, "before " + abbreviate(view) + "\n     after " + abbreviate(after.get(name)));
            }
        });
        long versionsMoved = before.keySet().stream().filter(n -> !before.get(n).equals(after.get(n))).count();
        System.out.printf("""
                [faults] duplicates: %d records re-produced %s
                  lag drained %.1f s after the replay (%.1f s with the settle time)
                  read models compared: %d (%s); changed: %d; views whose snapshot bookkeeping moved: %d
                """, again.size(), replayed, lagSeconds, settledSeconds, before.size(), before.keySet(),
                changed.size(), versionsMoved);
        assertThat(replayed.get(Topics.ITEMS)).as("the replay carried events").isPositive();
        assertThat(changed).as("read models changed by duplicates").isEmpty();
    }

    /** Rankings of scoring and reporting, unit scores, reporting statistics, adoption and commission read models. */
    private static Map<String, JsonNode> readModels(String gateway, Tokens tokens, Workload load) {
        String room = tokens.password("room-editor");
        String viewer = tokens.password("banner-leader");
        String month = YearMonth.now(Workload.BEIJING).toString();
        Map<String, JsonNode> views = new TreeMap<>();
        for (int group = 1; group <= 3; group++) {
            views.put("scoring ranking group " + group, json(gateway + "/api/scoring/rankings?group=" + group
                    + "&period=" + month, room));
            views.put("reporting ranking group " + group, json(gateway + "/api/reporting/rankings?group=" + group
                    + "&period=" + month, viewer));
        }
        for (String unit : Workload.UNITS) {
            views.put("scoring score " + unit, Workload.score(gateway, tokens, unit));
        }
        views.put("reporting statistics", json(gateway + "/api/reporting/statistics?period=" + month, room));
        views.put("adoption items", json(gateway + "/api/adoption/items", room));
        views.put("commissions", json(gateway + "/api/commission/commissions?scope=all", room));
        return views;
    }

    private static JsonNode json(String url, String token) {
        Http.Answer answer = Http.retry(() -> Http.get(url, token), a -> false, Duration.ofSeconds(60)).answer();
        if (answer.status() != 200) {
            throw new AssertionError(url + " answered " + answer);
        }
        return answer.json();
    }

    private static JsonNode strip(JsonNode node) {
        JsonNode copy = node.deepCopy();
        removeBookkeeping(copy);
        return copy;
    }

    private static void removeBookkeeping(JsonNode node) {
        if (node instanceof ObjectNode object) {
            BOOKKEEPING.forEach(object::remove);
        }
        for (JsonNode child : node) {
            removeBookkeeping(child);
        }
    }

    private static String abbreviate(JsonNode node) {
        String text = node.toString();
        return text.length() > 1500 ? text.substring(0, 1500) + "…" : text;
    }
}
