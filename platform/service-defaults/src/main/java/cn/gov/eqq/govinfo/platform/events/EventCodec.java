package cn.gov.eqq.govinfo.platform.events;

import cn.gov.eqq.govinfo.contracts.EventCatalog;
import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.EventType;
import cn.gov.eqq.govinfo.contracts.IntegrationEvent;
import cn.gov.eqq.govinfo.contracts.upcasting.EventUpcasters;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.BinaryOperator;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The JSON form of {@link EventEnvelope}: contract names on the wire, ISO-8601 instants and dates, unknown fields
 * tolerated (a producer may add fields within a version). The one codec every producer and consumer uses.
 * <p>
 * A reader accepts every version ever published of a contract: a record of an older version than the newest one
 * the catalogue lists is upcast, step by step through {@link EventUpcasters}, and decoded as the newest version
 * (the envelope then carries the newest version number). A record newer than this code is undecodable.
 */
public class EventCodec {

    private final JsonMapper json;
    private final Map<String, EventType> newestByName;
    private final EventUpcasters upcasters;

    public EventCodec() {
        this(EventCatalog.ALL, EventUpcasters.PUBLISHED);
    }

    /** A codec for a given catalogue and upcasters (the default is this build's published contracts). */
    public EventCodec(List<EventType> catalogue, EventUpcasters upcasters) {
        this.json = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
        this.newestByName = catalogue.stream().collect(Collectors.toUnmodifiableMap(EventType::name,
                Function.identity(), BinaryOperator.maxBy(java.util.Comparator.comparingInt(EventType::version))));
        this.upcasters = upcasters;
    }

    public String encode(EventEnvelope<?> envelope) {
        return json.writeValueAsString(envelope);
    }

    public EventEnvelope<? extends IntegrationEvent> decode(String text) {
        if (text == null || text.isBlank()) {
            throw new EventDecodingException("empty record value");
        }
        JsonNode root;
        try {
            root = json.readTree(text);
        } catch (JacksonException e) {
            throw new EventDecodingException("not JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new EventDecodingException("not a JSON object");
        }
        String type = text(root, "type");
        int version = root.path("version").asInt(0);
        EventType eventType = newestByName.get(type);
        if (eventType == null || version < 1 || version > eventType.version()) {
            throw new EventDecodingException("unknown event type " + type + " v" + version);
        }
        try {
            JsonNode payloadNode = required(root, "payload");
            if (version < eventType.version()) {
                // decimals stay exact on their way through the maps
                Map<String, Object> old = json.readerFor(Map.class)
                        .with(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS).readValue(payloadNode);
                payloadNode = json.valueToTree(upcasters.upcast(type, version, eventType.version(), old));
            }
            IntegrationEvent payload = json.treeToValue(payloadNode, eventType.payloadClass());
            return new EventEnvelope<>(text(root, "eventId"), type, eventType.version(),
                    Instant.parse(text(root, "occurredAt")), text(root, "producer"), text(root, "key"), payload);
        } catch (JacksonException | IllegalArgumentException | NullPointerException
                 | java.time.format.DateTimeParseException e) {
            throw new EventDecodingException("malformed " + type + " v" + version + ": " + e.getMessage(), e);
        }
    }

    /** Reads one payload class directly, e.g. for golden-file tests. */
    public <T> T read(String text, Class<T> type) {
        return json.readValue(text, type);
    }

    public JsonNode tree(String text) {
        return json.readTree(text);
    }

    private static JsonNode required(JsonNode root, String field) {
        JsonNode node = root.get(field);
        if (node == null || node.isNull()) {
            throw new EventDecodingException("missing field " + field);
        }
        return node;
    }

    private static String text(JsonNode root, String field) {
        return required(root, field).asString();
    }
}
