package cn.gov.eqq.govinfo.contracts;

/** A payload's contract identity on the wire: its name and version, the topic it travels on, its class. */
public record EventType(String name, int version, String topic, Class<? extends IntegrationEvent> payloadClass) {
}
