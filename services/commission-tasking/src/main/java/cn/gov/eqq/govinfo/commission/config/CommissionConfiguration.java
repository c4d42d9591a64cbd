package cn.gov.eqq.govinfo.commission.config;

import cn.gov.eqq.govinfo.platform.work.LeasedWork;
import cn.gov.eqq.govinfo.commission.tasking.adapter.out.mail.SmtpReminderMailer;
import cn.gov.eqq.govinfo.commission.tasking.adapter.out.mongo.MongoCommissionImportStore;
import cn.gov.eqq.govinfo.commission.tasking.adapter.out.mongo.MongoCommissionStore;
import cn.gov.eqq.govinfo.commission.tasking.adapter.out.mongo.MongoScoredBonuses;
import cn.gov.eqq.govinfo.commission.tasking.adapter.out.mongo.MongoUnitDirectory;
import cn.gov.eqq.govinfo.commission.tasking.application.ImportingPastCommissions;
import cn.gov.eqq.govinfo.commission.tasking.application.Commissioning;
import cn.gov.eqq.govinfo.commission.tasking.application.CommissionSettings;
import cn.gov.eqq.govinfo.commission.tasking.application.IntegrationEvents;
import cn.gov.eqq.govinfo.commission.tasking.application.MailAddressBook;
import cn.gov.eqq.govinfo.commission.tasking.application.ReminderMailer;
import cn.gov.eqq.govinfo.commission.tasking.application.RemindingUnits;
import cn.gov.eqq.govinfo.commission.tasking.domain.ReminderSchedule;
import cn.gov.eqq.govinfo.platform.events.EventCodec;
import cn.gov.eqq.govinfo.platform.outbox.OutboxRelay;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.mail.javamail.JavaMailSender;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CommissionProperties.class)
class CommissionConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    MongoCommissionStore commissionStore(MongoTemplate mongo) {
        MongoCommissionStore store = new MongoCommissionStore(mongo);
        try {
            store.createIndexes();
        } catch (RuntimeException e) {
            // indexes only speed queries up: a database that is still starting must not stop the service
            LoggerFactory.getLogger(CommissionConfiguration.class).warn("Indexes not created now: {}", e.toString());
        }
        return store;
    }

    @Bean
    MongoUnitDirectory unitDirectory(MongoTemplate mongo) {
        return new MongoUnitDirectory(mongo);
    }

    @Bean
    IntegrationEvents integrationEvents(EventCodec codec, @Value("${spring.application.name}") String service) {
        return new IntegrationEvents(codec, service);
    }

    @Bean
    CommissionSettings commissionSettings(CommissionProperties properties,
                                          @Value("${spring.application.name}") String service) {
        return new CommissionSettings(new ReminderSchedule(properties.reminders().before()),
                properties.mail().lease(), properties.mail().maxAttempts(), service);
    }

    @Bean
    MailAddressBook mailAddressBook(CommissionProperties properties) {
        // keys set through environment variables arrive lower-cased (relaxed binding), so look up either way
        Map<String, String> byUnit = new HashMap<>();
        properties.mail().unitAddresses().forEach((unit, address) -> byUnit.put(unit.toUpperCase(Locale.ROOT), address));
        return unitId -> byUnit.get(unitId.toUpperCase(Locale.ROOT));
    }

    @Bean
    ReminderMailer reminderMailer(JavaMailSender sender, CommissionProperties properties) {
        return new SmtpReminderMailer(sender, properties.mail().from());
    }

    @Bean
    Commissioning commissioning(MongoCommissionStore store, MongoUnitDirectory units, IntegrationEvents events,
                                MongoScoredBonuses bonuses, Clock clock, ObjectProvider<OutboxRelay> relay) {
        return new Commissioning(store, units, events, bonuses, clock, kick(relay));
    }

    @Bean
    MongoScoredBonuses scoredBonuses(MongoTemplate mongo) {
        return new MongoScoredBonuses(mongo);
    }

    @Bean
    MongoCommissionImportStore commissionImportStore(MongoTemplate mongo) {
        return new MongoCommissionImportStore(mongo);
    }

    @Bean
    ImportingPastCommissions importingPastCommissions(MongoCommissionStore store,
                                                      MongoCommissionImportStore batches, MongoUnitDirectory units,
                                                      IntegrationEvents events, Clock clock,
                                                      ObjectProvider<OutboxRelay> relay,
                                                      @Qualifier("importThread") ExecutorService importThread,
                                                      @Value("${govinfo.commission.imports.lease:30s}") Duration lease,
                                                      @Value("${govinfo.commission.imports.part-size:50}") int partSize,
                                                      @Value("${govinfo.commission.imports.part-pause:0s}")
                                                      Duration partPause) {
        return new ImportingPastCommissions(store, batches, units, events, clock, kick(relay), importThread,
                new ImportingPastCommissions.Settings(lease, partSize, partPause));
    }

    /**
     * The thread that starts an import right after it was sent (the schedule in {@code ImportWork} picks up the
     * rest). At shutdown {@code ImportWork} stops the import after the part being written, before the rest of the
     * service stops; the batch's lease then runs out and a replica writes on.
     */
    @Bean(name = "importThread", destroyMethod = "shutdownNow")
    ExecutorService importThread() {
        return LeasedWork.thread("commission-import");
    }

    @Bean
    RemindingUnits remindingUnits(MongoCommissionStore store, MongoUnitDirectory units, MailAddressBook addresses,
                                  ReminderMailer mailer, IntegrationEvents events, CommissionSettings settings,
                                  Clock clock, ObjectProvider<OutboxRelay> relay) {
        return new RemindingUnits(store, units, addresses, mailer, events, settings, clock, kick(relay));
    }

    private static Runnable kick(ObjectProvider<OutboxRelay> relay) {
        return () -> relay.ifAvailable(OutboxRelay::kick);
    }
}
