package cn.gov.eqq.govinfo.reporting.circular.domain;

import java.time.Instant;

/** A unit's request for review (复核) of its own figures, and the room's answer. */
public record Objection(String id, String unitId, String raisedBy, String reason, Instant raisedAt,
                        Resolution resolution, String reply, String resolvedBy, Instant resolvedAt) {

    public enum Resolution {
        /** 复核属实: the figures will be corrected (scoring corrects the facts; the room refreshes the draft). */
        UPHELD,
        /** 维持原结果. */
        DISMISSED
    }

    public boolean open() {
        return resolution == null;
    }

    Objection resolve(Resolution resolution, String reply, String by, Instant at) {
        return new Objection(id, unitId, raisedBy, reason, raisedAt, resolution, reply, by, at);
    }
}
