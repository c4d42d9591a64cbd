package cn.gov.eqq.govinfo.contracts;

/** A fact one service tells the others. Each is a record in exactly one topic's sealed family. */
public interface IntegrationEvent {

    /** The aggregate this event belongs to: the Kafka key, so that one aggregate's events stay in order. */
    String aggregateKey();
}
