package cn.gov.eqq.govinfo.platform.outbox;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.kafka.core.KafkaTemplate;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Publishes the events that documents carry in their {@code outbox} array, oldest first per document, and removes each
 * one only after the broker acknowledged it. A crash between the acknowledgement and the removal publishes the entry
 * again after restart: delivery is at least once and consumers deduplicate on {@code eventId}.
 * <p>
 * Several replicas may run: a document's outbox is claimed with a single-document conditional update
 * ({@code outboxClaim}) so that normally only one replica publishes it; an expired claim is taken over.
 * <p>
 * Live documents go first: a document marked {@link #BULK} (written by an import, thousands at a time) is claimed only
 * when no live one is pending, and at most {@link OutboxProperties#bulkPerSecond()} of them a second, so that an
 * import's events reach the topics at a pace the consumers keep up with and a live item is never queued behind them.
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String FIELD = "outbox";
    static final String CLAIM = "outboxClaim";
    static final String CLAIM_UNTIL = "outboxClaimUntil";
    /** {@code true} on a document written in bulk (an import's rows): published after the live ones, paced. */
    public static final String BULK = "outboxBulk";
    /** Documents claimed and sent per round: a month-end burst is published in a few rounds. */
    static final int BATCH = 100;

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final Clock clock;
    private final OutboxCollections more;
    private static final OutboxCollections NONE = List::of;
    private final String instanceId = UUID.randomUUID().toString();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean kicked = new AtomicBoolean();
    private ScheduledExecutorService executor;
    /** Bulk documents this relay may still claim now; refilled at {@code bulkPerSecond}, at most one second's worth. */
    private double bulkAllowance;
    private long bulkRefilledAt = System.nanoTime();

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties) {
        this(mongo, kafka, properties, Clock.systemUTC(), NONE);
    }

    /** @param more collections named at each pass besides the configured ones ({@link OutboxCollections}) */
    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties,
                       OutboxCollections more) {
        this(mongo, kafka, properties, Clock.systemUTC(), more);
    }

    /** @param clock sets and reads the claims' expiry (a test's clock lets a retry delay pass without sleeping) */
    OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties, Clock clock) {
        this(mongo, kafka, properties, clock, NONE);
    }

    private OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties,
                        Clock clock, OutboxCollections more) {
        this.more = more;
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
        this.clock = clock;
    }

    /** Asks the relay to run now instead of at the next poll (call it after saving a document with new entries). */
    public void kick() {
        if (running.get() && kicked.compareAndSet(false, true)) {
            executor.execute(this::drainQuietly);
        }
    }

    /** Publishes everything pending now, on the caller's thread; returns how many entries were published. */
    public int drain() {
        kicked.set(false);
        int published = 0;
        Set<String> collections = new LinkedHashSet<>(properties.collections());
        collections.addAll(more.collections());
        for (String collection : collections) {
            List<Document> claimed;
            while (!(claimed = claimBatch(collection)).isEmpty()) {
                Round round = publish(collection, claimed);
                published += round.published();
                if (round.failed()) {
                    break; // the broker is not answering: leave the rest for the next pass
                }
            }
        }
        return published;
    }

    /**
     * The next round: up to {@link #BATCH} live documents with pending entries; only when there is none, as many bulk
     * ones as the pace allows. Asked again before every round, so a live document written while an import's backlog
     * is published waits one round at most.
     */
    private List<Document> claimBatch(String collection) {
        List<Document> live = claim(collection, Criteria.where(BULK).ne(true), BATCH);
        if (!live.isEmpty()) {
            return live;
        }
        int allowed = takeBulkAllowance();
        if (allowed == 0) {
            return List.of(); // the rest at a later pass: the poll comes round every pollInterval
        }
        List<Document> bulk = claim(collection, Criteria.where(BULK).is(true), allowed);
        returnBulkAllowance(allowed - bulk.size());
        return bulk;
    }

    private synchronized int takeBulkAllowance() {
        int perSecond = properties.bulkPerSecond();
        if (perSecond == 0) {
            return BATCH;
        }
        long now = System.nanoTime();
        bulkAllowance = Math.min(perSecond, bulkAllowance + (now - bulkRefilledAt) / 1e9 * perSecond);
        bulkRefilledAt = now;
        int take = (int) Math.min(BATCH, Math.floor(bulkAllowance));
        bulkAllowance -= take;
        return take;
    }

    private synchronized void returnBulkAllowance(int unused) {
        if (properties.bulkPerSecond() > 0) {
            bulkAllowance += unused;
        }
    }

    /**
     * Finds up to {@code limit} documents with pending entries that also match {@code kind} in one query and claims
     * each with a single-document update by its id. One query per batch, not one per document: the pending filter has
     * no index it can use on the devstack's wire server, so a claim per document would scan the collection each time.
     */
    private List<Document> claim(String collection, Criteria kind, int limit) {
        Instant now = clock.instant();
        Query find = new Query(pending(kind, now)).limit(limit);
        find.fields().include("_id");
        List<Object> ids = mongo.find(find, Document.class, collection).stream().map(d -> d.get("_id")).toList();
        Update claim = new Update().set(CLAIM, instanceId)
                .set(CLAIM_UNTIL, Date.from(now.plus(properties.claimDuration())));
        List<Document> claimed = new ArrayList<>();
        for (Object id : ids) {
            // still pending and unclaimed: another replica may have taken it since the query
            Document doc = mongo.findAndModify(new Query(pending(Criteria.where("_id").is(id), now)), claim,
                    FindAndModifyOptions.options().returnNew(true), Document.class, collection);
            if (doc != null) {
                claimed.add(doc);
            }
        }
        return claimed;
    }

    private static Criteria pending(Criteria base, Instant now) {
        return base.andOperator(
                Criteria.where(FIELD + ".0").exists(true),
                new Criteria().orOperator(
                        Criteria.where(CLAIM_UNTIL).exists(false),
                        Criteria.where(CLAIM_UNTIL).lt(Date.from(now))));
    }

    private record Round(int published, boolean failed) {
    }

    /** One document's entries and the sends made for them, in order. */
    private record Sends(Object id, List<Document> entries, List<CompletableFuture<?>> futures) {
    }

    /**
     * Sends the entries of all claimed documents without waiting for each acknowledgement (the producer keeps their
     * order per partition), then waits for them in order and removes from each document the entries acknowledged
     * before its first failure. Every document's claim ends with the round: a document whose entries were all sent,
     * or that was not reached because an earlier send failed, is released; one whose own send failed keeps its claim
     * for {@link OutboxProperties#retryDelay()} only, not until the claim expires: otherwise, after a broker restart,
     * events would wait up to the claim's 30 s although the broker was back.
     *
     * @return the number of entries published, and whether any send failed
     */
    private Round publish(String collection, List<Document> documents) {
        List<Sends> all = new ArrayList<>();
        boolean failed = false;
        Object failedToSend = null;
        for (Document document : documents) {
            Sends sends = new Sends(document.get("_id"), document.getList(FIELD, Document.class, List.of()),
                    new ArrayList<>());
            all.add(sends);
            for (Document entry : sends.entries()) {
                if (failed) {
                    break;
                }
                try {
                    sends.futures().add(send(entry));
                } catch (RuntimeException e) {
                    log.warn("Outbox of {}/{} not sent: {}", collection, sends.id(), e.toString());
                    failed = true;
                    failedToSend = sends.id();
                }
            }
        }
        int published = 0;
        // one deadline for the round: with the broker away, every future would otherwise wait its own timeout
        long deadline = System.nanoTime() + properties.sendTimeout().toNanos();
        for (Sends sends : all) {
            List<String> acknowledged = new ArrayList<>();
            boolean ownFailure = sends.id().equals(failedToSend);
            try {
                for (int i = 0; i < sends.futures().size(); i++) {
                    sends.futures().get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    acknowledged.add(sends.entries().get(i).getString("eventId"));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed = true;
            } catch (Exception e) {
                // Left in the outbox; tried again after the retry delay.
                log.warn("Outbox of {}/{} not published yet ({} of {} sent): {}", collection, sends.id(),
                        acknowledged.size(), sends.entries().size(), e.toString());
                failed = true;
                ownFailure = true;
            }
            settle(collection, sends.id(), acknowledged, ownFailure ? properties.retryDelay() : Duration.ZERO);
            published += acknowledged.size();
        }
        return new Round(published, failed);
    }

    /** Sends one entry, with the record headers it carries (an entry without headers is sent as a plain value). */
    private CompletableFuture<?> send(Document entry) {
        Document headers = entry.get("headers", Document.class);
        if (headers == null || headers.isEmpty()) {
            return kafka.send(entry.getString("topic"), entry.getString("key"), entry.getString("json"));
        }
        ProducerRecord<String, String> record = new ProducerRecord<>(entry.getString("topic"), entry.getString("key"),
                entry.getString("json"));
        headers.forEach((name, value) -> record.headers().add(name, String.valueOf(value)
                .getBytes(StandardCharsets.UTF_8)));
        return kafka.send(record);
    }

    /**
     * Removes the acknowledged entries and ends this relay's claim in the same update: released at once, or held for
     * {@code holdFor} (a retry delay) after a failure of the document's own.
     */
    private void settle(String collection, Object id, List<String> acknowledged, Duration holdFor) {
        Update update = new Update();
        if (!acknowledged.isEmpty()) {
            update.pull(FIELD, new Document("eventId", new Document("$in", acknowledged)));
            update.unset(BULK); // an entry that a live write adds to this document later is a live one
        }
        if (holdFor.isZero()) {
            update.unset(CLAIM).unset(CLAIM_UNTIL);
        } else {
            update.set(CLAIM_UNTIL, Date.from(clock.instant().plus(holdFor)));
        }
        if (mongo.updateFirst(new Query(Criteria.where("_id").is(id).and(CLAIM).is(instanceId)), update, collection)
                .getMatchedCount() > 0 || acknowledged.isEmpty()) {
            return;
        }
        // our claim expired and another replica holds it: still take out what the broker has acknowledged
        mongo.updateFirst(new Query(Criteria.where("_id").is(id)),
                new Update().pull(FIELD, new Document("eventId", new Document("$in", acknowledged))), collection);
    }

    private void drainQuietly() {
        try {
            drain();
        } catch (RuntimeException e) {
            log.warn("Outbox relay pass failed, will retry: {}", e.toString());
        }
    }

    @Override
    public void start() {
        if (properties.collections().isEmpty() && more == NONE) {
            return;
        }
        if (running.compareAndSet(false, true)) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread thread = new Thread(r, "outbox-relay");
                thread.setDaemon(true);
                return thread;
            });
            long interval = properties.pollInterval().toMillis();
            executor.scheduleWithFixedDelay(this::drainQuietly, interval, interval, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public void stop() {
        if (running.compareAndSet(true, false)) {
            executor.shutdown();
            try {
                executor.awaitTermination(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }
}
