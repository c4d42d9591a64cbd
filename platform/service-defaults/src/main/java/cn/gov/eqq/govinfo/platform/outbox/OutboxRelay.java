package cn.gov.eqq.govinfo.platform.outbox;

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

import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
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
 */
public class OutboxRelay implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);
    static final String FIELD = "outbox";
    static final String CLAIM = "outboxClaim";
    static final String CLAIM_UNTIL = "outboxClaimUntil";

    private final MongoTemplate mongo;
    private final KafkaTemplate<String, String> kafka;
    private final OutboxProperties properties;
    private final String instanceId = UUID.randomUUID().toString();
    private final AtomicBoolean running = new AtomicBoolean();
    private final AtomicBoolean kicked = new AtomicBoolean();
    private ScheduledExecutorService executor;

    public OutboxRelay(MongoTemplate mongo, KafkaTemplate<String, String> kafka, OutboxProperties properties) {
        this.mongo = mongo;
        this.kafka = kafka;
        this.properties = properties;
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
        for (String collection : properties.collections()) {
            Document claimed;
            while ((claimed = claimNext(collection)) != null) {
                int sent = publish(collection, claimed);
                if (sent < 0) {
                    break; // the broker is not answering: leave the rest for the next pass
                }
                published += sent;
            }
        }
        return published;
    }

    private Document claimNext(String collection) {
        Instant now = Instant.now();
        Query pending = new Query(new Criteria().andOperator(
                Criteria.where(FIELD + ".0").exists(true),
                new Criteria().orOperator(
                        Criteria.where(CLAIM_UNTIL).exists(false),
                        Criteria.where(CLAIM_UNTIL).lt(Date.from(now)))));
        Update claim = new Update().set(CLAIM, instanceId)
                .set(CLAIM_UNTIL, Date.from(now.plus(properties.claimDuration())));
        return mongo.findAndModify(pending, claim, FindAndModifyOptions.options().returnNew(true), Document.class,
                collection);
    }

    private int publish(String collection, Document document) {
        Object id = document.get("_id");
        List<Document> entries = document.getList(FIELD, Document.class, List.of());
        int published = 0;
        try {
            for (Document entry : entries) {
                String eventId = entry.getString("eventId");
                kafka.send(entry.getString("topic"), entry.getString("key"), entry.getString("json"))
                        .get(properties.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
                mongo.updateFirst(new Query(Criteria.where("_id").is(id)),
                        new Update().pull(FIELD, new Document("eventId", eventId)), collection);
                published++;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return -1;
        } catch (Exception e) {
            // Left in the outbox; the claim expires and the next pass tries again.
            log.warn("Outbox of {}/{} not published yet ({} of {} sent): {}", collection, id, published,
                    entries.size(), e.toString());
            return -1;
        }
        mongo.updateFirst(new Query(Criteria.where("_id").is(id).and(CLAIM).is(instanceId)),
                new Update().unset(CLAIM).unset(CLAIM_UNTIL), collection);
        return published;
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
        if (properties.collections().isEmpty()) {
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
