package cn.gov.eqq.govinfo.scoring.ledger.application;

/** Port: the event topics scoring consumes, so that a replay can stop, rewind and restart consumption. */
public interface EventSource {

    void stop();

    /** Moves the consumer group to the beginning of every consumed topic (consumption must be stopped). */
    void rewindToBeginning();

    void start();

    /** True when the consumer group has processed everything the topics hold now. */
    boolean caughtUp();
}
