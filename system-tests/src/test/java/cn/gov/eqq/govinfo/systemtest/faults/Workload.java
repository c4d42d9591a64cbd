package cn.gov.eqq.govinfo.systemtest.faults;

import cn.gov.eqq.govinfo.contracts.calendar.BeijingTime;
import cn.gov.eqq.govinfo.contracts.Topics;
import cn.gov.eqq.govinfo.testsupport.keycloak.Tokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;

import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A client that keeps the system busy through the gateway, as the room and the units would: items drafted, submitted
 * and received, adoptions recorded on every second item, and (optionally) a commission to every fourth item's unit
 * that the item answers and the room accepts. It retries like a patient user while a service is down, and writes down
 * what the system acknowledged (2xx) and what stayed uncertain (no answer or a 5xx), so that afterwards the expected
 * totals can be computed from the system's own database answers and checked against scoring.
 */
final class Workload {

    static final ZoneId BEIJING = BeijingTime.ZONE;
    /** The five demo units that have a reporter account (docs: README demo accounts). */
    static final Map<String, String> REPORTERS = new LinkedHashMap<>(Map.of("U001", "u001-reporter",
            "U002", "u002-reporter", "U006", "u006-reporter", "U007", "u007-reporter", "U037", "u037-reporter"));
    static final List<String> UNITS = List.of("U001", "U002", "U006", "U007", "U037");
    /** 鄂尔多斯政讯 adoption, docs/services/scoring.md. */
    static final int ADOPTION_POINTS = 20;
    static final int COMMISSION_BONUS = 10;
    static final int DYNAMIC_ITEM_POINTS = 1;
    /** Longer than a service restart on a loaded 2-core machine. */
    static final Duration PATIENCE = Duration.ofSeconds(150);

    private final String gateway;
    private final Tokens tokens;
    private final boolean withCommissions;
    private final String tag;

    final AtomicInteger requestsSent = new AtomicInteger();
    final AtomicInteger requestsAccepted = new AtomicInteger();
    final AtomicInteger uncertainAnswers = new AtomicInteger();
    final AtomicInteger cycles = new AtomicInteger();
    final Map<String, String> unitOfItem = new ConcurrentHashMap<>();
    final Set<String> receivedAcked = ConcurrentHashMap.newKeySet();
    final Set<String> adoptionTried = ConcurrentHashMap.newKeySet();
    final Set<String> adoptionAcked = ConcurrentHashMap.newKeySet();
    final Map<String, String> unitOfCommission = new ConcurrentHashMap<>();
    final Set<String> judgementTried = ConcurrentHashMap.newKeySet();
    final Set<String> judgementAcked = ConcurrentHashMap.newKeySet();
    final List<String> problems = java.util.Collections.synchronizedList(new ArrayList<>());

    Workload(String gateway, Tokens tokens, boolean withCommissions, String tag) {
        this.gateway = gateway;
        this.tokens = tokens;
        this.withCommissions = withCommissions;
        this.tag = tag;
    }

    /** One unit of work; {@code n} picks the unit and whether an adoption or a commission comes with it. */
    void cycle(int n) {
        cycles.incrementAndGet();
        String unit = UNITS.get(n % UNITS.size());
        String reporter = tokens.password(REPORTERS.get(unit));
        String room = tokens.password("room-editor");

        String commissionId = null;
        if (withCommissions && n % 4 == 0) {
            Http.Outcome issued = send(() -> Http.post(gateway + "/api/commission/commissions", room,
                    issueJson(unit, n)), a -> false);
            if (issued.answer().status() != 201) {
                problem("issue commission", issued);
                return;
            }
            commissionId = issued.answer().json().get("id").asString();
            unitOfCommission.put(commissionId, unit);
        }

        String itemJson = itemJson(n, commissionId);
        Http.Outcome created = send(() -> Http.post(gateway + "/api/intake/items", reporter, itemJson), a -> false);
        if (created.answer().status() != 201) {
            problem("create item", created);
            return;
        }
        String itemId = created.answer().json().get("id").asString();
        unitOfItem.put(itemId, unit);

        // an answer to a commission is sent once intake has heard of the commission (409 until then, docs/adr/0016)
        Http.Outcome submitted = send(() -> Http.post(gateway + "/api/intake/items/" + itemId + "/submit", reporter,
                ""), a -> a.status() == 409 && a.body().contains("commission.not-yet-known"));
        if (!doneOrMaybeDone(submitted, "submit")) {
            return;
        }
        Http.Outcome received = send(() -> Http.post(gateway + "/api/intake/items/" + itemId + "/receive", room, ""),
                a -> false);
        if (received.answer().ok()) {
            receivedAcked.add(itemId);
        } else if (!doneOrMaybeDone(received, "receive")) {
            return;
        }

        if (n % 2 == 0) {
            adoptionTried.add(itemId);
            // adoption-tracking refuses until it has read the ItemReceived event (eventual consistency, not a failure)
            Http.Outcome adopted = send(() -> Http.post(gateway + "/api/adoption/items/" + itemId + "/records", room,
                    adoptionJson(n)), a -> a.status() == 404 || "item.not-received".equals(a.code()));
            if (adopted.answer().status() == 201) {
                adoptionAcked.add(itemId);
            } else {
                doneOrMaybeDone(adopted, "record adoption");
            }
        }
        if (commissionId != null) {
            String cid = commissionId;
            judgementTried.add(cid);
            // commission-tasking knows the answer once it has read the ItemSubmitted event
            Http.Outcome judged = send(() -> Http.post(gateway + "/api/commission/commissions/" + cid + "/answers/"
                    + itemId + "/judgement", room, "{\"accepted\":true,\"reason\":\"符合约稿要求\"}"),
                    a -> a.status() == 404 || a.status() == 409 || a.status() == 422);
            if (judged.answer().ok()) {
                judgementAcked.add(cid);
            } else {
                doneOrMaybeDone(judged, "judge answer");
            }
        }
    }

    /**
     * Waits while other threads run {@link #cycle} until {@code count} cycles have begun in all, for at most
     * {@code patience}: the load has then done real work after a fault (bounded, so a stuck load fails later on what
     * it did, not here).
     */
    void awaitCycles(int count, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (cycles.get() < count && System.nanoTime() < deadline) {
            Http.sleep(500);
        }
    }

    private Http.Outcome send(java.util.function.Supplier<Http.Answer> request,
                              java.util.function.Predicate<Http.Answer> notYet) {
        Http.Outcome outcome = Http.retry(() -> {
            Http.Answer answer = request.get();
            requestsSent.incrementAndGet();
            if (answer.ok()) {
                requestsAccepted.incrementAndGet();
            }
            if (answer.uncertain()) {
                uncertainAnswers.incrementAndGet();
            }
            return answer;
        }, notYet, PATIENCE);
        return outcome;
    }

    /** 2xx; or a 4xx after an attempt whose fate is unknown (the first one may have done it: read back later). */
    private boolean doneOrMaybeDone(Http.Outcome outcome, String what) {
        if (outcome.answer().ok()) {
            return true;
        }
        if (outcome.earlierAttemptUncertain() && outcome.answer().status() >= 400 && outcome.answer().status() < 500) {
            return true;
        }
        problem(what, outcome);
        return false;
    }

    private void problem(String what, Http.Outcome outcome) {
        problems.add(what + " → " + outcome.answer() + " after " + outcome.attempts() + " attempts");
    }

    private String itemJson(int n, String commissionId) {
        return """
                {"title":"%s故障演练信息第%d条","body":"围绕重点工作开展情况报送动态信息，第%d条。","category":"DYNAMIC",
                 "topics":["MAJOR_PROJECTS"],"eventDate":"%s","reporterName":"张三","contactPhone":"13800000000",
                 "polarity":"GOOD_NEWS","majorEvent":false,"majorEmergency":false%s}"""
                .formatted(tag, n, n, LocalDate.now(BEIJING),
                        commissionId == null ? "" : ",\"commissionId\":\"" + commissionId + "\"");
    }

    private String issueJson(String unit, int n) {
        String deadline = LocalDateTime.now(BEIJING).plusDays(2).format(DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm"));
        return """
                {"title":"%s约稿第%d号","requirements":"请报送重点项目建设进展。","targetUnitIds":["%s"],"deadline":"%s"}"""
                .formatted(tag, n, unit, deadline);
    }

    private static String adoptionJson(int n) {
        return """
                {"kind":"CITY_BULLETIN_ADOPTED","publication":"鄂尔多斯政讯","issueNo":"第%d期","effectiveDate":"%s"}"""
                .formatted(n, LocalDate.now(BEIJING));
    }

    // --- what the system holds afterwards ------------------------------------------------------------------------

    /** Per unit: received items, items with an adoption, commissions with an accepted on-time answer. */
    record Truth(Map<String, Set<String>> received, Map<String, Set<String>> adopted,
                 Map<String, Set<String>> bonuses) {

        int received(String unit) {
            return received.getOrDefault(unit, Set.of()).size();
        }

        int adopted(String unit) {
            return adopted.getOrDefault(unit, Set.of()).size();
        }

        int bonuses(String unit) {
            return bonuses.getOrDefault(unit, Set.of()).size();
        }

        Set<String> allReceived() {
            Set<String> all = new HashSet<>();
            received.values().forEach(all::addAll);
            return all;
        }

        Set<String> allAdopted() {
            Set<String> all = new HashSet<>();
            adopted.values().forEach(all::addAll);
            return all;
        }

        Set<String> allBonuses() {
            Set<String> all = new HashSet<>();
            bonuses.values().forEach(all::addAll);
            return all;
        }
    }

    /** Reads back, through the services' own APIs, what happened to everything this workload touched. */
    Truth readBack() {
        String room = tokens.password("room-editor");
        Map<String, Set<String>> received = new TreeMap<>();
        Map<String, Set<String>> adopted = new TreeMap<>();
        Map<String, Set<String>> bonuses = new TreeMap<>();
        for (var entry : unitOfItem.entrySet()) {
            Http.Answer item = Http.retry(() -> Http.get(gateway + "/api/intake/items/" + entry.getKey(), room),
                    a -> false, PATIENCE).answer();
            if (item.status() != 200) {
                throw new AssertionError("intake lost item " + entry.getKey() + ": " + item);
            }
            if ("RECEIVED".equals(item.json().get("status").asString())) {
                received.computeIfAbsent(entry.getValue(), u -> new HashSet<>()).add(entry.getKey());
            }
        }
        for (String itemId : adoptionTried) {
            Http.Answer view = Http.retry(() -> Http.get(gateway + "/api/adoption/items/" + itemId, room),
                    a -> false, PATIENCE).answer();
            if (view.status() == 200 && view.json().get("records").size() > 0) {
                adopted.computeIfAbsent(unitOfItem.get(itemId), u -> new HashSet<>()).add(itemId);
            }
        }
        for (String cid : judgementTried) {
            Http.Answer view = Http.retry(() -> Http.get(gateway + "/api/commission/commissions/" + cid, room),
                    a -> false, PATIENCE).answer();
            if (view.status() != 200) {
                throw new AssertionError("commission-tasking lost commission " + cid + ": " + view);
            }
            for (JsonNode target : view.json().get("targets")) {
                // commission-tasking's own record: an answer on time and accepted (whether it earns +10 is scoring's)
                if (target.get("answeredOnTime").asBoolean() && target.get("accepted").asBoolean()) {
                    bonuses.computeIfAbsent(target.get("unitId").asString(), u -> new HashSet<>()).add(cid);
                }
            }
        }
        return new Truth(received, adopted, bonuses);
    }

    /** What reached Kafka: ids of items received, items adopted, commissions accepted; and duplicate event ids. */
    record OnKafka(Set<String> receivedItems, Set<String> adoptedItems, Set<String> acceptedCommissions,
                   int records, int duplicateEventIds) {

        boolean holdsAllOf(Truth truth) {
            return receivedItems.containsAll(truth.allReceived()) && adoptedItems.containsAll(truth.allAdopted())
                    && acceptedCommissions.containsAll(truth.allBonuses());
        }
    }

    /** A read of the topics that holds every fact of the databases, and the seconds it took to get one. */
    record Published(OnKafka kafka, double seconds) {
    }

    /**
     * Reads the topics until they hold every fact the databases hold, for at most {@code patience}. A drained consumer
     * lag does not mean the outboxes are empty: a document whose send failed in an outage is sent again after the
     * relay's retry delay, and a crashed relay's claim is taken over only when it expires. What is still missing
     * at the end is explained on stdout (the assertions then fail on it).
     */
    static Published awaitOnKafka(EventLog log, Truth truth, Duration patience) {
        long begin = System.nanoTime();
        OnKafka kafka = readKafka(log);
        while (!kafka.holdsAllOf(truth) && System.nanoTime() - begin < patience.toNanos()) {
            Http.sleep(1000);
            kafka = readKafka(log);
        }
        if (!kafka.holdsAllOf(truth)) {
            MissingEvents.explain(truth.allReceived(), kafka.receivedItems(), log, Topics.ITEMS);
            MissingEvents.explain(truth.allAdopted(), kafka.adoptedItems(), log, Topics.ADOPTIONS);
            MissingEvents.explain(truth.allBonuses(), kafka.acceptedCommissions(), log, Topics.COMMISSIONS);
        }
        return new Published(kafka, (System.nanoTime() - begin) / 1e9);
    }

    static OnKafka readKafka(EventLog log) {
        Set<String> received = new HashSet<>();
        Set<String> adopted = new HashSet<>();
        Set<String> accepted = new HashSet<>();
        Map<String, Integer> seen = new HashMap<>();
        int records = 0;
        for (String topic : List.of(Topics.ITEMS, Topics.ADOPTIONS, Topics.COMMISSIONS)) {
            for (ConsumerRecord<String, String> record : log.readAll(topic)) {
                JsonNode event;
                try {
                    event = Http.JSON.readTree(record.value());
                } catch (RuntimeException poison) {
                    continue; // a poison message of another test
                }
                if (event == null || !event.has("eventId") || !event.has("payload")
                        || event.path("version").asInt() != 1 || "fault-test".equals(event.path("producer").asString())) {
                    continue; // the poison test's unknown types and versions
                }
                records++;
                seen.merge(event.get("eventId").asString(), 1, Integer::sum);
                String type = event.get("type").asString();
                JsonNode payload = event.get("payload");
                switch (type) {
                    case "ItemReceived" -> received.add(payload.get("itemId").asString());
                    case "AdoptionRecorded" -> adopted.add(payload.get("itemId").asString());
                    case "CommissionAnswerJudged" -> {
                        if (payload.get("accepted").asBoolean()) {
                            accepted.add(payload.get("commissionId").asString());
                        }
                    }
                    default -> {
                    }
                }
            }
        }
        int duplicates = (int) seen.values().stream().filter(c -> c > 1).count();
        return new OnKafka(received, adopted, accepted, records, duplicates);
    }

    /** This month's (Beijing) score of a unit as scoring answers it. */
    static JsonNode score(String gateway, Tokens tokens, String unit) {
        String month = YearMonth.now(BEIJING).toString();
        Http.Answer answer = Http.retry(() -> Http.get(gateway + "/api/scoring/units/" + unit + "/score?period=" + month,
                tokens.password("room-editor")), a -> false, PATIENCE).answer();
        if (answer.status() != 200) {
            throw new AssertionError("scoring answered " + answer + " for " + unit);
        }
        return answer.json();
    }

    /** The four figures checked, per unit, this month. */
    record Figures(int receivedItems, int submissionPoints, int adoptionPoints, int commissionPoints) {

        static Figures of(JsonNode score) {
            return new Figures(score.get("receivedItems").asInt(), score.get("submissionPoints").asInt(),
                    score.get("adoptionPoints").asInt(), score.get("commissionPoints").asInt());
        }

        Figures plus(Figures other) {
            return new Figures(receivedItems + other.receivedItems, submissionPoints + other.submissionPoints,
                    adoptionPoints + other.adoptionPoints, commissionPoints + other.commissionPoints);
        }
    }

    static Map<String, Figures> figures(String gateway, Tokens tokens) {
        Map<String, Figures> figures = new TreeMap<>();
        for (String unit : UNITS) {
            figures.put(unit, Figures.of(score(gateway, tokens, unit)));
        }
        return figures;
    }

    /** Scoring's figures expected from the truth: its figures before plus what this workload added. */
    static Map<String, Figures> expected(Map<String, Figures> before, Truth truth) {
        Map<String, Figures> expected = new TreeMap<>();
        for (String unit : UNITS) {
            int received = truth.received(unit);
            expected.put(unit, before.get(unit).plus(new Figures(received, received * DYNAMIC_ITEM_POINTS,
                    truth.adopted(unit) * ADOPTION_POINTS, truth.bonuses(unit) * COMMISSION_BONUS)));
        }
        return expected;
    }

    /** Polls scoring until its figures equal {@code expected}; returns the seconds waited, fails with both. */
    static double awaitFigures(String gateway, Tokens tokens, Map<String, Figures> expected, Duration patience) {
        long begin = System.nanoTime();
        Map<String, Figures> seen = Map.of();
        while (System.nanoTime() - begin < patience.toNanos()) {
            seen = figures(gateway, tokens);
            if (seen.equals(expected)) {
                return (System.nanoTime() - begin) / 1e9;
            }
            Http.sleep(1000);
        }
        throw new AssertionError("scoring's totals differ from the independent count after " + patience.toSeconds()
                + " s:\n  expected " + expected + "\n  seen     " + seen);
    }
}
