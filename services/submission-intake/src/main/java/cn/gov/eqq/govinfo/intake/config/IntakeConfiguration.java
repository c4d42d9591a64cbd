package cn.gov.eqq.govinfo.intake.config;

import cn.gov.eqq.govinfo.platform.work.LeasedWork;
import cn.gov.eqq.govinfo.intake.commission.application.CommissionDirectory;
import cn.gov.eqq.govinfo.intake.filing.application.FilingStore;
import cn.gov.eqq.govinfo.intake.filing.application.RulesFilings;
import cn.gov.eqq.govinfo.intake.item.application.AttachmentStore;
import cn.gov.eqq.govinfo.intake.item.application.Attachments;
import cn.gov.eqq.govinfo.intake.item.application.CorrectingItems;
import cn.gov.eqq.govinfo.intake.item.application.EnteringOnBehalf;
import cn.gov.eqq.govinfo.intake.item.application.HandlingItems;
import cn.gov.eqq.govinfo.intake.item.application.HistoryImport;
import cn.gov.eqq.govinfo.intake.item.application.ImportStore;
import cn.gov.eqq.govinfo.intake.item.application.ItemStore;
import cn.gov.eqq.govinfo.intake.item.application.PublishedCircularStore;
import cn.gov.eqq.govinfo.intake.item.domain.AttachmentPolicy;
import cn.gov.eqq.govinfo.intake.item.domain.NearDuplicateDetector;
import cn.gov.eqq.govinfo.intake.notice.application.InformingUnits;
import cn.gov.eqq.govinfo.intake.notice.application.ReadMarks;
import cn.gov.eqq.govinfo.intake.progress.application.PolicyVersions;
import cn.gov.eqq.govinfo.intake.progress.application.QuotaProgress;
import cn.gov.eqq.govinfo.intake.unit.application.KeepingUnits;
import cn.gov.eqq.govinfo.intake.unit.application.UnitStore;
import cn.gov.eqq.govinfo.platform.outbox.OutboxRelay;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;

/** Wires the plain use-case classes and declares the two topics this service is the only writer of. */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    /** Millisecond ticks: MongoDB keeps milliseconds, so an instant read back equals the one that was published. */
    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.tick(Clock.systemUTC(), Duration.ofMillis(1));
    }

    /** After a write with events, ask the relay to publish now rather than at its next poll. */
    @Bean
    Runnable outboxKick(ObjectProvider<OutboxRelay> relay) {
        return () -> relay.ifAvailable(OutboxRelay::kick);
    }

    @Bean
    KeepingUnits keepingUnits(UnitStore store, Clock clock, Runnable outboxKick) {
        return new KeepingUnits(store, clock, outboxKick);
    }

    /**
     * Near-duplicate check: items whose title and body share at least {@code threshold} of their character bigrams
     * (cosine) with one sent in the last {@code lookback-days} are flagged to the room.
     */
    @Bean
    HandlingItems handlingItems(ItemStore store, Clock clock, Runnable outboxKick, CommissionDirectory commissions,
                            @Value("${govinfo.intake.duplicates.threshold:0.6}") double threshold,
                            @Value("${govinfo.intake.duplicates.lookback-days:92}") int lookbackDays) {
        return new HandlingItems(store, clock, outboxKick, new NearDuplicateDetector(threshold),
                Duration.ofDays(lookbackDays), commissions);
    }

    @Bean
    EnteringOnBehalf enteringOnBehalf(HandlingItems items, KeepingUnits units) {
        return new EnteringOnBehalf(items, units::find);
    }

    @Bean
    CorrectingItems correctingItems(HandlingItems items, PublishedCircularStore circulars) {
        return new CorrectingItems(items, circulars);
    }

    @Bean
    HistoryImport historyImport(ItemStore items, ImportStore imports, KeepingUnits units, Clock clock,
                                Runnable outboxKick, @Qualifier("importThread") ExecutorService importThread,
                                @Value("${govinfo.intake.imports.lease:30s}") Duration lease,
                                @Value("${govinfo.intake.imports.part-rows:500}") int partRows,
                                @Value("${govinfo.intake.imports.part-pause:0s}") Duration partPause) {
        return new HistoryImport(items, imports, units::all, clock, outboxKick, importThread,
                new HistoryImport.Settings(lease, partRows, partPause));
    }

    /**
     * The thread that starts an import right after its upload (the schedule in {@code ImportWork} picks up the
     * rest). At shutdown {@code ImportWork} stops the import after the part being written, before the rest of the
     * service stops; the batch's lease then runs out and a replica writes on.
     */
    @Bean(name = "importThread", destroyMethod = "shutdownNow")
    ExecutorService importThread() {
        return LeasedWork.thread("history-import");
    }

    /** Attachment limits: documents and images in bytes, and files per item. */
    @Bean
    Attachments attachments(ItemStore items, AttachmentStore files, Clock clock,
                            @Value("${govinfo.intake.attachments.max-document-bytes:10485760}") long maxDocument,
                            @Value("${govinfo.intake.attachments.max-image-bytes:5242880}") long maxImage,
                            @Value("${govinfo.intake.attachments.max-per-item:10}") int maxPerItem) {
        return new Attachments(items, files, new AttachmentPolicy(maxDocument, maxImage, maxPerItem), clock);
    }

    @Bean
    RulesFilings rulesFilings(FilingStore filings, AttachmentStore files, KeepingUnits units, Clock clock,
                              @Value("${govinfo.intake.attachments.max-document-bytes:10485760}") long maxDocument) {
        return new RulesFilings(filings, files, new AttachmentPolicy(maxDocument, maxDocument, 1), units, clock);
    }

    @Bean
    QuotaProgress quotaProgress(ItemStore items, KeepingUnits units, PolicyVersions policies, Clock clock) {
        return new QuotaProgress(items, units, policies, clock);
    }

    @Bean
    InformingUnits informingUnits(ItemStore items, ReadMarks marks, Clock clock) {
        return new InformingUnits(items, marks, clock);
    }
}
