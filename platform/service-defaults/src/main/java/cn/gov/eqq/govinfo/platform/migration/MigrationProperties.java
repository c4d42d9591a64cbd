package cn.gov.eqq.govinfo.platform.migration;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;

/**
 * {@code govinfo.migrations.*}.
 *
 * @param enabled      run migrations at start-up (default true)
 * @param lease        how long the lock is held without renewal; a replica that died holding it blocks the others
 *                     this long at most (default 5 minutes; renewed after each migration)
 * @param pollInterval how often a waiting replica looks again (default 500 ms)
 * @param maxWait      how long a replica waits for another's migrations before it refuses to start (default 15 min)
 */
@ConfigurationProperties("govinfo.migrations")
public record MigrationProperties(Boolean enabled, Duration lease, Duration pollInterval, Duration maxWait) {

    public MigrationProperties {
        enabled = enabled == null || enabled;
        lease = lease == null ? Duration.ofMinutes(5) : lease;
        pollInterval = pollInterval == null ? Duration.ofMillis(500) : pollInterval;
        maxWait = maxWait == null ? Duration.ofMinutes(15) : maxWait;
    }
}
