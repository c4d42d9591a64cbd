package cn.gov.eqq.govinfo.contracts;

import cn.gov.eqq.govinfo.contracts.adoption.AdoptionCorrected;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionRecorded;
import cn.gov.eqq.govinfo.contracts.adoption.AdoptionWithdrawn;
import cn.gov.eqq.govinfo.contracts.adoption.InstructionFollowUpReported;
import cn.gov.eqq.govinfo.contracts.commission.CommissionAnswerJudged;
import cn.gov.eqq.govinfo.contracts.commission.CommissionAnswerVoided;
import cn.gov.eqq.govinfo.contracts.commission.CommissionAnswered;
import cn.gov.eqq.govinfo.contracts.commission.CommissionIssued;
import cn.gov.eqq.govinfo.contracts.commission.CommissionOverdue;
import cn.gov.eqq.govinfo.contracts.commission.CommissionReminderSent;
import cn.gov.eqq.govinfo.contracts.item.ItemCorrected;
import cn.gov.eqq.govinfo.contracts.item.ItemForwardedToCity;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.contracts.item.ItemReturned;
import cn.gov.eqq.govinfo.contracts.item.ItemSubmitted;
import cn.gov.eqq.govinfo.contracts.item.ItemVoided;
import cn.gov.eqq.govinfo.contracts.policy.PolicyVersionAdded;
import cn.gov.eqq.govinfo.contracts.ranking.RankingSnapshotPublished;
import cn.gov.eqq.govinfo.contracts.score.ItemScored;
import cn.gov.eqq.govinfo.contracts.unit.UnitChanged;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The one list of event contracts: wire name, version, topic and payload class. */
public final class EventCatalog {

    public static final List<EventType> ALL = List.of(
            new EventType("UnitChanged", 1, Topics.UNITS, UnitChanged.class),
            new EventType("ItemSubmitted", 1, Topics.ITEMS, ItemSubmitted.class),
            new EventType("ItemReceived", 1, Topics.ITEMS, ItemReceived.class),
            new EventType("ItemReturned", 1, Topics.ITEMS, ItemReturned.class),
            new EventType("ItemVoided", 1, Topics.ITEMS, ItemVoided.class),
            new EventType("ItemForwardedToCity", 1, Topics.ITEMS, ItemForwardedToCity.class),
            new EventType("ItemCorrected", 1, Topics.ITEMS, ItemCorrected.class),
            new EventType("AdoptionRecorded", 1, Topics.ADOPTIONS, AdoptionRecorded.class),
            new EventType("AdoptionCorrected", 1, Topics.ADOPTIONS, AdoptionCorrected.class),
            new EventType("AdoptionWithdrawn", 1, Topics.ADOPTIONS, AdoptionWithdrawn.class),
            new EventType("CommissionIssued", 1, Topics.COMMISSIONS, CommissionIssued.class),
            new EventType("CommissionAnswerJudged", 1, Topics.COMMISSIONS, CommissionAnswerJudged.class),
            new EventType("RankingSnapshotPublished", 1, Topics.RANKINGS, RankingSnapshotPublished.class),
            new EventType("CommissionAnswered", 1, Topics.COMMISSIONS, CommissionAnswered.class),
            new EventType("CommissionAnswerVoided", 1, Topics.COMMISSIONS, CommissionAnswerVoided.class),
            new EventType("CommissionOverdue", 1, Topics.COMMISSIONS, CommissionOverdue.class),
            new EventType("CommissionReminderSent", 1, Topics.COMMISSIONS, CommissionReminderSent.class),
            new EventType("InstructionFollowUpReported", 1, Topics.ADOPTIONS, InstructionFollowUpReported.class),
            new EventType("PolicyVersionAdded", 1, Topics.POLICIES, PolicyVersionAdded.class),
            new EventType("ItemScored", 1, Topics.ITEM_SCORES, ItemScored.class));

    private static final Map<Class<?>, EventType> BY_CLASS =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::payloadClass, Function.identity()));
    private static final Map<String, EventType> BY_NAME_AND_VERSION =
            ALL.stream().collect(Collectors.toUnmodifiableMap(t -> t.name() + "/v" + t.version(), Function.identity()));

    public static EventType typeOf(Class<?> payloadClass) {
        EventType type = BY_CLASS.get(payloadClass);
        if (type == null) {
            throw new IllegalArgumentException("not an event contract: " + payloadClass.getName());
        }
        return type;
    }

    /** The contract for a wire name and version, if this build knows it. */
    public static Optional<EventType> find(String name, int version) {
        return Optional.ofNullable(BY_NAME_AND_VERSION.get(name + "/v" + version));
    }

    private EventCatalog() {
    }
}
