package cn.gov.eqq.govinfo.scoring.ledger.application;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.platform.outbox.OutboxRelay;
import cn.gov.eqq.govinfo.scoring.ledger.adapter.in.kafka.Translated;
import cn.gov.eqq.govinfo.scoring.policy.adapter.out.json.PolicyJson;
import cn.gov.eqq.govinfo.scoring.policy.application.Policies;
import cn.gov.eqq.govinfo.scoring.shared.application.GenerationPointer;
import cn.gov.eqq.govinfo.scoring.shared.application.InMemoryStores;
import cn.gov.eqq.govinfo.scoring.shared.application.ItemScoreStore;
import org.junit.jupiter.api.Test;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;

/** {@link LiveIngestion}: every poll reaches every generation one reading of the pointer names (docs/adr/0021). */
class LiveIngestionTest {

    private final InMemoryStores.Items items = new InMemoryStores.Items();
    private final InMemoryStores.Units units = new InMemoryStores.Units();
    private final InMemoryStores.Generations generations = new InMemoryStores.Generations();
    private final Policies policies = new Policies(new InMemoryStores.PolicyVersions(), new InMemoryStores.Circulars(),
            Clock.fixed(Instant.parse("2026-10-10T02:00:00Z"), ZoneOffset.UTC), PolicyJson.shipped(),
            new EventCodec(), mock(OutboxRelay.class));
    private final ItemScores scores = new ItemScores(new EventCodec(), Clock.systemUTC(), mock(OutboxRelay.class));

    @Test
    void aPollWrittenJustBeforeAnotherReplicaSwitchesReachesTheGenerationThatBecomesLive() {
        generations.pointer = GenerationPointer.initial(0)
                .claim("scoring-1", "room", Instant.now(), Duration.ofMinutes(5)).orElseThrow();
        long built = generations.pointer.building();
        // the other replica switches right after this replica's live write, before anything else reads the pointer
        ItemScoreStore store = steppingAfterTheFirstWrite(() -> generations.pointer = generations.pointer
                .switchLive("scoring-1", Instant.now(), 1, 1, Duration.ofSeconds(30)).orElseThrow());
        LiveIngestion ingestion = new LiveIngestion(
                new EventIngestion(store, units, new InMemoryStores.Snapshots(), policies, scores),
                generations, store, units);

        ingestion.applyAll(Translated.all(List.of(received("I1"))));

        assertThat(items.inGeneration(built).find("I1")).as("the generation being built when the poll was read")
                .isPresent();
        assertThat(items.find("I1")).as("the generation live when the poll was read").isPresent();
    }

    @Test
    void aBuildClaimedWhileAPollIsWrittenGetsThatPollToo() {
        Instant now = Instant.now();
        long next = GenerationPointer.initial(0).claim("scoring-2", "room", now, Duration.ofMinutes(5))
                .orElseThrow().building();
        // a slow poll: another replica claims a build after the poll read the pointer, before it was committed
        ItemScoreStore store = steppingAfterTheFirstWrite(() -> generations.pointer = generations.pointer
                .claim("scoring-2", "room", Instant.now(), Duration.ofMinutes(5)).orElseThrow());
        LiveIngestion ingestion = new LiveIngestion(
                new EventIngestion(store, units, new InMemoryStores.Snapshots(), policies, scores),
                generations, store, units);

        ingestion.applyAll(Translated.all(List.of(received("I3"))));

        assertThat(items.inGeneration(next).find("I3")).as("the generation claimed during the poll").isPresent();
    }

    @Test
    void afterASwitchAPollGoesToTheNewLiveGenerationAndDuringTheGraceToThePreviousOne() {
        Instant now = Instant.now();
        generations.pointer = GenerationPointer.initial(0).claim("scoring-1", "room", now, Duration.ofMinutes(5))
                .orElseThrow().switchLive("scoring-1", now, 0, 0, Duration.ofSeconds(30)).orElseThrow();
        long live = generations.pointer.live();
        LiveIngestion ingestion = new LiveIngestion(
                new EventIngestion(items, units, new InMemoryStores.Snapshots(), policies, scores),
                generations, items, units);

        ingestion.applyAll(Translated.all(List.of(received("I2"))));

        assertThat(live).isNotZero();
        assertThat(items.inGeneration(live).find("I2")).as("the new live generation").isPresent();
        assertThat(items.find("I2")).as("the previous generation, read by replicas that have not seen the switch")
                .isPresent();
    }

    /**
     * The in-memory items as MongoDB's store serves them: the store itself looks the live generation up at each call,
     * and {@code inGeneration(g)} pins one; after the first write through either, {@code step} runs once.
     */
    private ItemScoreStore steppingAfterTheFirstWrite(Runnable step) {
        Runnable[] once = {step};
        return stepping(() -> items.inGeneration(generations.current().live()), once);
    }

    private ItemScoreStore stepping(java.util.function.Supplier<ItemScoreStore> target, Runnable[] once) {
        return (ItemScoreStore) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[]{ItemScoreStore.class}, (proxy, method, args) -> {
                    if (method.getName().equals("inGeneration")) {
                        long g = (Long) args[0];
                        return stepping(() -> items.inGeneration(g), once);
                    }
                    Object result;
                    try {
                        result = method.invoke(target.get(), args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    if (method.getName().startsWith("save") && once[0] != null) {
                        Runnable run = once[0];
                        once[0] = null;
                        run.run();
                    }
                    return result;
                });
    }

    private static EventEnvelope<ItemReceived> received(String item) {
        Instant t = Instant.parse("2026-07-10T01:00:00Z");
        return EventEnvelope.wrap(new ItemReceived(item, "U006", 1, "标题" + item, "BRIEF", List.of(), false,
                "GOOD_NEWS", LocalDate.of(2026, 7, 1), t, t.plusSeconds(3600), "room", null), "submission-intake",
                Instant.now());
    }
}
