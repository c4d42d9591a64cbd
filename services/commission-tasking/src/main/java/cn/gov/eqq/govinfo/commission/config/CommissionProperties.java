package cn.gov.eqq.govinfo.commission.config;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * {@code govinfo.commission.*}.
 *
 * @param reminders when reminders are due and how often the sweep runs
 * @param mail      the sender address and each unit's reminder address (unit id → address)
 */
@ConfigurationProperties("govinfo.commission")
public record CommissionProperties(Reminders reminders, Mail mail) {

    public CommissionProperties {
        reminders = reminders == null ? new Reminders(null, null, true) : reminders;
        mail = mail == null ? new Mail(null, null, null, 0) : mail;
    }

    /**
     * @param before           offsets before the deadline (default 3 days and 1 day)
     * @param interval         how often the sweep runs
     * @param schedulerEnabled false in tests that run the sweep themselves
     */
    public record Reminders(List<Duration> before, Duration interval, boolean schedulerEnabled) {
        public Reminders {
            before = before == null || before.isEmpty() ? List.of(Duration.ofDays(3), Duration.ofDays(1)) : before;
            interval = interval == null ? Duration.ofMinutes(1) : interval;
        }
    }

    public record Mail(String from, Map<String, String> unitAddresses, Duration lease, int maxAttempts) {
        public Mail {
            from = from == null || from.isBlank() ? "govinfo@localhost" : from;
            unitAddresses = unitAddresses == null ? Map.of() : Map.copyOf(unitAddresses);
            lease = lease == null ? Duration.ofMinutes(5) : lease;
            maxAttempts = maxAttempts <= 0 ? 5 : maxAttempts;
        }
    }
}
