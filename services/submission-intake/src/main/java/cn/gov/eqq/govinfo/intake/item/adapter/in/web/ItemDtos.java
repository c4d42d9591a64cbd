package cn.gov.eqq.govinfo.intake.item.adapter.in.web;

import cn.gov.eqq.govinfo.intake.item.application.AuditEntry;
import cn.gov.eqq.govinfo.intake.item.application.ItemStore;
import cn.gov.eqq.govinfo.intake.item.application.CorrectingItems;
import cn.gov.eqq.govinfo.intake.item.domain.Category;
import cn.gov.eqq.govinfo.intake.item.domain.Classification;
import cn.gov.eqq.govinfo.intake.item.domain.ContactPhoneMask;
import cn.gov.eqq.govinfo.intake.item.domain.Correction;
import cn.gov.eqq.govinfo.intake.item.domain.EnteredOnBehalf;
import cn.gov.eqq.govinfo.intake.item.domain.FocusTopic;
import cn.gov.eqq.govinfo.intake.item.domain.Item;
import cn.gov.eqq.govinfo.intake.item.domain.ItemContent;
import cn.gov.eqq.govinfo.intake.item.domain.ItemStatus;
import cn.gov.eqq.govinfo.intake.item.domain.Polarity;
import cn.gov.eqq.govinfo.intake.item.domain.Revision;
import cn.gov.eqq.govinfo.intake.item.domain.SimilarItem;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** What the items API reads and writes. Request bodies carry content only: never unit, status or timestamps. */
final class ItemDtos {

    private ItemDtos() {
    }

    /** The editable content of an item. Any other field a client sends (unitId, status, …) is ignored. */
    record ItemInput(String title, String body, Category category, List<FocusTopic> topics, LocalDate eventDate,
                     String reporterName, String contactPhone, Polarity polarity, Boolean majorEvent,
                     Boolean majorEmergency, String countermeasures, String commissionId) {

        ItemContent toContent(List<String> attachmentIds) {
            return new ItemContent(title, body, category, topics, eventDate, reporterName, contactPhone, polarity,
                    Boolean.TRUE.equals(majorEvent), Boolean.TRUE.equals(majorEmergency), countermeasures,
                    commissionId, attachmentIds);
        }
    }

    record Opinion(String opinion) {
    }

    /**
     * The room's correction of an item's classification; an omitted field stays as it is.
     *
     * @param reason why (mandatory); the unit reads it
     */
    record CorrectionInput(Category category, Boolean majorEvent, Boolean majorEmergency, List<FocusTopic> topics,
                           String reason) {
        CorrectingItems.Request toRequest() {
            return new CorrectingItems.Request(category, majorEvent, majorEmergency, topics, reason);
        }
    }

    /** @param correction a correction made while receiving, or null to receive the item as the unit sent it */
    record ReceiveInput(CorrectionInput correction) {
    }

    /** How the item counts now: as received, or as the room last corrected it. */
    record ClassificationView(Category category, String categoryLabel, boolean majorEvent, boolean majorEmergency,
                              List<FocusTopic> topics, List<String> topicLabels) {
        static ClassificationView of(Classification c) {
            return new ClassificationView(c.category(), c.category() == null ? null : c.category().label(),
                    c.majorEvent(), c.majorEmergency(), c.topics(), c.topics().stream().map(FocusTopic::label).toList());
        }
    }

    /**
     * One correction as the unit reads it (修改记录).
     *
     * @param changes one Chinese line per changed field, e.g. 类别 由「动态类」改为「问题类」
     */
    record CorrectionView(int revision, ClassificationView before, ClassificationView after, List<String> changes,
                          String reason, String by, String byName, Instant at) {
        static CorrectionView of(Correction c) {
            return new CorrectionView(c.revision(), ClassificationView.of(c.before()), ClassificationView.of(c.after()),
                    c.changes(), c.reason(), c.by(), c.byName(), c.at());
        }
    }

    record Reason(String reason) {
    }

    record ContentView(String title, String body, Category category, String categoryLabel, List<FocusTopic> topics,
                       LocalDate eventDate, String reporterName, String contactPhone, Polarity polarity,
                       boolean majorEvent, boolean majorEmergency, String countermeasures, String commissionId,
                       List<String> attachmentIds) {
        static ContentView of(ItemContent c) {
            return new ContentView(c.title(), c.body(), c.category(),
                    c.category() == null ? null : c.category().label(), c.topics(), c.eventDate(), c.reporterName(),
                    c.contactPhone(), c.polarity(), c.majorEvent(), c.majorEmergency(), c.countermeasures(),
                    c.commissionId(), c.attachmentIds());
        }

        ContentView masked() {
            return new ContentView(title, body, category, categoryLabel, topics, eventDate, reporterName,
                    ContactPhoneMask.mask(contactPhone), polarity, majorEvent, majorEmergency, countermeasures,
                    commissionId, attachmentIds);
        }
    }

    /** The leader's sign-off of a revision (签批): who, when, and the opinion if one was given. */
    record SignOffView(String by, Instant at, String opinion) {
        static SignOffView of(Revision r) {
            return r.signedOffBy() == null ? null : new SignOffView(r.signedOffBy(), r.signedOffAt(), r.signOffOpinion());
        }
    }

    /**
     * @param statusLabel     「领导退回修改」 for a draft the leader sent back (status DRAFT), else the status's label
     * @param signOffOpinion  the leader's opinion when they sent the item back, until it is submitted again
     * @param leaderSentBack  the leader sent the item back and it has not been submitted since
     * @param signOff         the sign-off of the latest revision (major events), or null
     * @param withdrawnAt     when the unit last withdrew what it had sent (撤回), or null
     * @param deletable       a draft never sent anywhere: its unit may delete it
     * @param enteredOnBehalf the room entered the item for its unit (代录): who and when; absent for the unit's own
     */
    record ItemView(String id, String unitId, String status, String statusLabel, ContentView content,
                    int revisionCount, Instant submittedAt, Integer receivedRevision, boolean forwardedToCity,
                    Instant forwardedAt, String forwardedBy, String voidReason, Instant voidedAt,
                    String signOffOpinion, String createdBy, Instant createdAt, Instant updatedAt,
                    boolean nearDuplicate, List<SimilarItemView> similarItems, ClassificationView classification,
                    List<CorrectionView> corrections, boolean leaderSentBack, SignOffView signOff,
                    Instant withdrawnAt, boolean deletable, OnBehalfView enteredOnBehalf) {
        static ItemView of(Item i) {
            return of(i, List.of());
        }

        static ItemView of(ItemStore.StoredItem s) {
            return of(s.item(), s.similar().stream().map(SimilarItemView::of).toList());
        }

        static ItemView of(Item i, List<SimilarItemView> similar) {
            return new ItemView(i.id(), i.unitId(), i.status().name(), i.statusLabel(), ContentView.of(i.draft()),
                    i.revisions().size(), i.lastSubmittedAt(), i.receivedRevision().map(Revision::number).orElse(null),
                    i.forwarded(), i.forwardedAt(), i.forwardedBy(), i.voidReason(), i.voidedAt(),
                    i.signOffOpinion(), i.createdBy(), i.createdAt(), i.updatedAt(), !similar.isEmpty(), similar,
                    ClassificationView.of(i.classification()),
                    i.corrections().stream().map(CorrectionView::of).toList(), i.sentBackByLeader(),
                    i.currentRevision().map(SignOffView::of).orElse(null), i.withdrawnAt(),
                    i.status() == ItemStatus.DRAFT && !i.everSent(), OnBehalfView.of(i.enteredOnBehalf()));
        }

        ItemView masked() {
            return new ItemView(id, unitId, status, statusLabel, content.masked(), revisionCount, submittedAt,
                    receivedRevision, forwardedToCity, forwardedAt, forwardedBy, voidReason, voidedAt, signOffOpinion,
                    createdBy, createdAt, updatedAt, nearDuplicate, similarItems, classification, corrections,
                    leaderSentBack, signOff, withdrawnAt, deletable, enteredOnBehalf);
        }
    }

    /** 代录: who of the room entered the item for its unit ({@code byName} for 「代录（信息室 孙涛，…）」) and when. */
    record OnBehalfView(String by, String byName, Instant at) {
        static OnBehalfView of(EnteredOnBehalf e) {
            return e == null ? null : new OnBehalfView(e.by(), e.byName(), e.at());
        }
    }

    /**
     * What the room enters for a unit (代录): the unit, when it sent the item (the e-mail's time; now when absent)
     * and the item's content.
     */
    record OnBehalfInput(String unitId, Instant sentAt, String title, String body, Category category,
                         List<FocusTopic> topics, LocalDate eventDate, String reporterName, String contactPhone,
                         Polarity polarity, Boolean majorEvent, Boolean majorEmergency, String countermeasures) {
        ItemContent toContent() {
            return new ItemContent(title, body, category, topics, eventDate, reporterName, contactPhone, polarity,
                    Boolean.TRUE.equals(majorEvent), Boolean.TRUE.equals(majorEmergency), countermeasures, null,
                    List.of());
        }
    }

    record SimilarItemView(String itemId, String unitId, String title, double similarity) {
        static SimilarItemView of(SimilarItem s) {
            return new SimilarItemView(s.itemId(), s.unitId(), s.title(), s.similarity());
        }
    }

    /**
     * The warning before 报送: the sent items this one reads like, most similar first.
     *
     * @param highestPercent the best similarity in whole percent, or null when nothing is similar
     * @param message        the warning as the page shows it, or null when nothing is similar
     */
    record SimilarityWarning(boolean nearDuplicate, Integer highestPercent, String message,
                             List<SimilarItemView> similarItems) {
        static SimilarityWarning of(List<SimilarItem> similar) {
            if (similar.isEmpty()) {
                return new SimilarityWarning(false, null, null, List.of());
            }
            int percent = (int) Math.round(similar.get(0).similarity() * 100);
            return new SimilarityWarning(true, percent,
                    "与已报送的信息内容相近（相似度 " + percent + "%），请确认不是重复报送",
                    similar.stream().map(SimilarItemView::of).toList());
        }
    }

    /**
     * @param opinion        the room's opinion when it returned this version
     * @param signOffOpinion the leader's opinion given with the sign-off (签批意见), or null
     */
    record RevisionView(int number, ContentView content, Instant submittedAt, String submittedBy, String signedOffBy,
                        Instant signedOffAt, String outcome, String outcomeLabel, String decidedBy, Instant decidedAt,
                        String opinion, String signOffOpinion) {
        static RevisionView of(Revision r) {
            return new RevisionView(r.number(), ContentView.of(r.content()), r.submittedAt(), r.submittedBy(),
                    r.signedOffBy(), r.signedOffAt(), r.outcome().name(), r.outcome().label(), r.decidedBy(),
                    r.decidedAt(), r.opinion(), r.signOffOpinion());
        }

        RevisionView masked() {
            return new RevisionView(number, content.masked(), submittedAt, submittedBy, signedOffBy, signedOffAt,
                    outcome, outcomeLabel, decidedBy, decidedAt, opinion, signOffOpinion);
        }
    }

    record PageView(List<ItemView> items, long total, int page, int size) {
        static PageView of(ItemStore.Page p) {
            return new PageView(p.items().stream().map(s -> ItemView.of(s)).toList(), p.total(), p.page(), p.size());
        }

        PageView masked() {
            return new PageView(items.stream().map(ItemView::masked).toList(), total, page, size);
        }
    }

    record AuditView(Instant at, String by, String byName, String action, Integer revision, String reason,
                     String origin) {
        static AuditView of(AuditEntry a) {
            return new AuditView(a.at(), a.by(), a.byName(), a.action(), a.revision(), a.reason(), a.origin());
        }
    }
}
