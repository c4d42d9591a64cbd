package cn.gov.eqq.govinfo.platform.events;

/** A record that can never be processed (malformed, unknown type or version): it goes to the dead-letter topic. */
public class EventDecodingException extends RuntimeException {

    public EventDecodingException(String message, Throwable cause) {
        super(message, cause);
    }

    public EventDecodingException(String message) {
        super(message);
    }
}
