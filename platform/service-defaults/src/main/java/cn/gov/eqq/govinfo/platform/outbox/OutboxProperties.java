package cn.gov.eqq.govinfo.platform.outbox;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;

/**
 * @param collections   the collections whose documents carry an {@code outbox} array
 * @param pollInterval  how often the relay looks for pending entries when nobody kicks it
 * @param claimDuration how long one relay instance owns a document's outbox before another may take over
 * @param sendTimeout   how long to wait for the broker to acknowledge one record
 * @param retryDelay    how long a document whose send failed waits before the next attempt (it keeps its claim that
 *                      long, so that one failing document does not hold up the others at every pass)
 */
@ConfigurationProperties("govinfo.outbox")
public record OutboxProperties(List<String> collections, Duration pollInterval, Duration claimDuration,
                               Duration sendTimeout, Duration retryDelay) {

    public OutboxProperties {
        collections = collections == null ? List.of() : List.copyOf(collections);
        pollInterval = pollInterval == null ? Duration.ofMillis(250) : pollInterval;
        claimDuration = claimDuration == null ? Duration.ofSeconds(30) : claimDuration;
        sendTimeout = sendTimeout == null ? Duration.ofSeconds(10) : sendTimeout;
        retryDelay = retryDelay == null ? Duration.ofSeconds(1) : retryDelay;
    }
}
