package cn.gov.eqq.govinfo.commission.tasking.application;

import cn.gov.eqq.govinfo.commission.tasking.domain.Commission;
import cn.gov.eqq.govinfo.commission.tasking.domain.CommissionDomainEvent;
import cn.gov.eqq.govinfo.commission.tasking.domain.Reminder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Reminds target units that have not answered. A reminder is claimed in the commission's own document with a
 * write conditional on the version read (the claim, the portal notice and the event are that one write), so a
 * restart or a second instance never claims it again. E-mail copies are then sent from what the document says is
 * pending, each held under a lease while it is being sent and marked sent afterwards.
 * <p>
 * A crash after the mail server took a message but before "sent" was written makes that one message go again
 * after the lease: the only window in which a unit could get a reminder twice.
 */
public class RemindingUnits {

    private static final Logger log = LoggerFactory.getLogger(RemindingUnits.class);

    private final CommissionStore store;
    private final UnitDirectory units;
    private final MailAddressBook addresses;
    private final ReminderMailer mailer;
    private final IntegrationEvents events;
    private final CommissionSettings settings;
    private final Clock clock;
    private final Runnable afterWrite;

    public RemindingUnits(CommissionStore store, UnitDirectory units, MailAddressBook addresses, ReminderMailer mailer,
                          IntegrationEvents events, CommissionSettings settings, Clock clock, Runnable afterWrite) {
        this.store = store;
        this.units = units;
        this.addresses = addresses;
        this.mailer = mailer;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.afterWrite = afterWrite;
    }

    /** Claims due reminders, then sends pending e-mails. Returns how many reminders were claimed. */
    public int run() {
        int claimed = claimDueReminders();
        sendPendingMail();
        return claimed;
    }

    public int claimDueReminders() {
        Instant now = clock.instant();
        int claimed = 0;
        for (String id : store.idsToSweep(now.plus(settings.schedule().longestOffset()))) {
            try {
                claimed += claimFor(id);
            } catch (RuntimeException e) {
                log.warn("Reminders of commission {} not claimed this round: {}", id, e.toString());
            }
        }
        return claimed;
    }

    private int claimFor(String id) {
        for (int attempt = 1; attempt <= Commissioning.MAX_ATTEMPTS; attempt++) {
            Commission commission = store.find(id).orElse(null);
            if (commission == null) {
                return 0;
            }
            Instant now = clock.instant();
            List<CommissionDomainEvent> caused = commission.claimDueReminders(now, settings.schedule(),
                    units::nameOf, addresses::addressOf);
            if (!commission.hasUnsavedChanges()) {
                return 0;
            }
            if (store.update(commission, events.outboxEntries(caused, now))) {
                if (!caused.isEmpty()) {
                    afterWrite.run();
                }
                return (int) caused.stream().filter(e -> e instanceof CommissionDomainEvent.ReminderPosted).count();
            }
        }
        log.warn("Reminders of commission {} not claimed: too many concurrent writes, next round retries", id);
        return 0;
    }

    /** Sends every e-mail copy that is pending. Returns how many the mail server took. */
    public int sendPendingMail() {
        int sent = 0;
        for (String id : store.idsWithMailPending()) {
            try {
                sent += sendFor(id);
            } catch (RuntimeException e) {
                log.warn("Reminder e-mails of commission {} not sent this round: {}", id, e.toString());
            }
        }
        return sent;
    }

    private int sendFor(String id) {
        List<Reminder> taken = List.of();
        Commission commission = null;
        for (int attempt = 1; attempt <= Commissioning.MAX_ATTEMPTS && commission == null; attempt++) {
            Commission read = store.find(id).orElse(null);
            if (read == null) {
                return 0;
            }
            taken = read.takeMailToSend(clock.instant(), settings.mailLease());
            if (taken.isEmpty()) {
                return 0;
            }
            if (store.update(read, List.of())) {
                commission = read;
            }
        }
        if (commission == null) {
            return 0;
        }
        int sent = 0;
        for (Reminder reminder : taken) {
            String error = null;
            try {
                mailer.send(reminder.mail().to(), reminder.subject(), reminder.message());
                sent++;
            } catch (RuntimeException e) {
                error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
                log.warn("Reminder e-mail {} to {} for commission {} failed: {}", reminder.kind(), reminder.unitId(),
                        id, error);
            }
            recordOutcome(id, reminder, error);
        }
        return sent;
    }

    private void recordOutcome(String id, Reminder reminder, String error) {
        for (int attempt = 1; attempt <= Commissioning.MAX_ATTEMPTS; attempt++) {
            Commission fresh = store.find(id).orElseThrow();
            if (error == null) {
                fresh.mailSent(reminder.kind(), reminder.unitId(), clock.instant());
            } else {
                fresh.mailFailed(reminder.kind(), reminder.unitId(), error, settings.mailMaxAttempts());
            }
            if (store.update(fresh, List.of())) {
                return;
            }
        }
        // The lease runs out and the mail is tried again: a duplicate is better than a lost reminder.
        log.warn("Could not record e-mail outcome of {} {} for {}", reminder.kind(), reminder.unitId(), id);
    }
}
