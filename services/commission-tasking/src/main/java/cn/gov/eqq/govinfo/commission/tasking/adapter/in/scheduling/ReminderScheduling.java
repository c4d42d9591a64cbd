package cn.gov.eqq.govinfo.commission.tasking.adapter.in.scheduling;

import cn.gov.eqq.govinfo.commission.tasking.application.RemindingUnits;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/** Runs the reminder sweep on a fixed delay; off where tests drive the sweep themselves. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(prefix = "govinfo.commission.reminders", name = "scheduler-enabled", matchIfMissing = true)
class ReminderScheduling {

    private final RemindingUnits reminders;

    ReminderScheduling(RemindingUnits reminders) {
        this.reminders = reminders;
    }

    @Scheduled(fixedDelayString = "${govinfo.commission.reminders.interval:PT1M}",
            initialDelayString = "${govinfo.commission.reminders.initial-delay:PT10S}")
    void sweep() {
        reminders.run();
    }
}
