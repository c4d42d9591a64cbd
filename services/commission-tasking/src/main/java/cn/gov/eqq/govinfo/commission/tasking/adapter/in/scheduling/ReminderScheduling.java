package cn.gov.eqq.govinfo.commission.tasking.config;

import cn.gov.eqq.govinfo.commission.tasking.application.ReminderService;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the reminder sweep on a fixed delay; off where tests drive the sweep themselves. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(prefix = "govinfo.commission.reminders", name = "scheduler-enabled", matchIfMissing = true)
class ReminderScheduling {

    private final ReminderService reminders;

    ReminderScheduling(ReminderService reminders) {
        this.reminders = reminders;
    }

    @Scheduled(fixedDelayString = "${govinfo.commission.reminders.interval:PT1M}",
            initialDelayString = "${govinfo.commission.reminders.initial-delay:PT10S}")
    void sweep() {
        reminders.run();
    }
}
