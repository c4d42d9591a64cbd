package cn.gov.eqq.govinfo.adoption.record.adapter.out.mongo;

import cn.gov.eqq.govinfo.adoption.record.domain.AdoptionRecord;
import cn.gov.eqq.govinfo.adoption.record.domain.ItemFacts;
import cn.gov.eqq.govinfo.adoption.record.domain.WaitingImport;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One item: its facts from intake, its records with every version, the intake events applied (dedupe), and the
 * events waiting to be published (service-defaults' {@code OutboxEntryDocuments} form); imported lines waiting for
 * the item to be received ({@code waitingImports}, absent in documents written before). {@code unitId},
 * {@code hasRecords}, {@code lastRecordAt} and {@code openFollowUpDue} are copies for queries.
 */
@Document(MongoItemAdoptionsStore.COLLECTION)
record ItemAdoptionsDocument(@Id String id, long version, ItemFacts facts, List<AdoptionRecord> records,
                             String unitId, String title, boolean hasRecords, Instant lastRecordAt,
                             LocalDate openFollowUpDue, List<String> appliedEventIds, List<org.bson.Document> outbox,
                             List<WaitingImport> waitingImports) {
}
