package cn.gov.eqq.govinfo.commission.tasking.domain;

/** Where the e-mail copy of a reminder stands. */
public enum MailStatus {
    /** Waiting to be sent (or to be retried). */
    PENDING,
    /** A sender holds it until its lease ends; after that another may retry. */
    SENDING,
    SENT,
    /** Gave up after the configured number of attempts; the portal notice still stands. */
    FAILED,
    /** The unit has no e-mail address configured: the portal notice is the only channel. */
    NO_ADDRESS
}
