package cn.gov.eqq.govinfo.platform.events;

import cn.gov.eqq.govinfo.contracts.EventCatalog;
import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.EventType;
import cn.gov.eqq.govinfo.contracts.IntegrationEvent;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

import java.time.Instant;

/**
 * The JSON form of {@link EventEnvelope}: contract names on the wire, ISO-8601 instants and dates, unknown fields
 * tolerated (a producer may add fields within a version). The one codec every producer and consumer uses.
 */
public class EventCodec {

    private final JsonMapper json;

    public EventCodec() {
        this.json = JsonMapper.builder()
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
                .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
                .build();
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
        EventType eventType = EventCatalog.find(type, version)
                .orElseThrow(() -> new EventDecodingException("unknown event type " + type + " v" + version));
        try {
            IntegrationEvent payload = json.treeToValue(required(root, "payload"), eventType.payloadClass());
            return new EventEnvelope<>(text(root, "eventId"), type, version,
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
