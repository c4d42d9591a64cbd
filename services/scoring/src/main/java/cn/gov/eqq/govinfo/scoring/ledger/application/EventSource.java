package cn.gov.eqq.govinfo.scoring.ledger.application;

import java.util.List;

/**
 * Port: the event topics read from their beginning by a rebuild, beside the live consumers and without joining their
 * consumer group (docs/adr/0021).
 */
public interface EventSource {

    /** A reader at the beginning of every partition of the topics scoring consumes. */
    Reading fromBeginning();

    interface Reading extends AutoCloseable {

        /**
         * The next events, about {@code max} of them, translated as the live listener translates them (a record
         * that can never be scored is skipped: the live listener dead-letters it); empty when the topics had nothing
         * more for a moment.
         */
        List<ConsumedEvent> next(int max);

        /**
         * The topics up to where they ended when this reading began, in parts that {@link EventIngestion#foldAll}
         * folds whole: first every unit state, then one partition number of the fact topics at a time (their key is
         * the item id, so an item's facts share a partition number), with the commission facts of the items keyed
         * to it. A part of more than {@code max} events comes in pieces: an item whose facts straddle two pieces is
         * merged into what the first stored. Null once every part was given; {@link #next} goes on from there.
         */
        List<ConsumedEvent> nextPart(int max);

        /** Records read so far, including the skipped ones. */
        long read();

        /**
         * Whether this reader's position is at or past the live consumer group's committed offset in every
         * partition: every event the live ingestion applied before it began writing into the new generation too has
         * been read.
         */
        boolean caughtUpWithLive();

        @Override
        void close();
    }
}
