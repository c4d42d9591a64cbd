package cn.gov.eqq.govinfo.platform.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

import java.time.Duration;
import java.util.List;

/**
 * @param collections   the collections whose documents carry an {@code outbox} array
 * @param pollInterval  how often the relay looks for pending entries when nobody kicks it
 * @param claimDuration how long one relay instance owns a document's outbox before another may take over
 * @param sendTimeout   how long to wait for the broker to acknowledge one record
 * @param retryDelay    how long a document whose send failed waits before the next attempt (it keeps its claim that
 *                      long, so that one failing document does not hold up the others at every pass)
 * @param bulkPerSecond at most this many bulk documents ({@link OutboxRelay#BULK}: an import's rows) a second per
 *                      relay, after every live one; 0 = no limit. A 10,000-row import otherwise puts tens of
 *                      thousands of events on the topics at once, and the live items behind them on the same
 *                      partitions wait until every consumer has worked through them
 */
@ConfigurationProperties("govinfo.outbox")
public record OutboxProperties(List<String> collections, Duration pollInterval, Duration claimDuration,
                               Duration sendTimeout, Duration retryDelay, Integer bulkPerSecond) {

    public OutboxProperties(List<String> collections, Duration pollInterval, Duration claimDuration,
                            Duration sendTimeout, Duration retryDelay) {
        this(collections, pollInterval, claimDuration, sendTimeout, retryDelay, null);
    }

    @ConstructorBinding
    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        pollInterval = pollInterval == null ? Duration.ofMillis(250) : pollInterval;
        claimDuration = claimDuration == null ? Duration.ofSeconds(30) : claimDuration;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
        retryDelay = retryDelay == null ? Duration.ofSeconds(1) : retryDelay;
        bulkPerSecond = bulkPerSecond == null ? 50 : bulkPerSecond;
        if (bulkPerSecond < 0) {
            throw new IllegalArgumentException("govinfo.outbox.bulk-per-second must be 0 (no limit) or more");
        }
    }
}
