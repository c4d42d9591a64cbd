package cn.gov.eqq.govinfo.intake.item.application;

import cn.gov.eqq.govinfo.contracts.EventEnvelope;
import cn.gov.eqq.govinfo.contracts.item.ItemCorrected;
import cn.gov.eqq.govinfo.contracts.item.ItemForwardedToCity;
import cn.gov.eqq.govinfo.contracts.item.ItemReceived;
import cn.gov.eqq.govinfo.contracts.item.ItemReturned;
import cn.gov.eqq.govinfo.contracts.item.ItemSubmitted;
import cn.gov.eqq.govinfo.contracts.item.ItemVoided;
import cn.gov.eqq.govinfo.intake.item.domain.Classification;
import cn.gov.eqq.govinfo.intake.item.domain.FocusTopic;
import cn.gov.eqq.govinfo.intake.item.domain.Item;
import cn.gov.eqq.govinfo.intake.item.domain.ItemChange;
import cn.gov.eqq.govinfo.intake.item.domain.ItemContent;
import cn.gov.eqq.govinfo.intake.item.domain.Revision;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns what happened inside an item into the integration events other services rely on. Sign-off steps, withdrawals
 * and deleted drafts stay inside intake (audit only): nobody else counts them.
 */
public final class ItemEvents {

    public static final String PRODUCER = "submission-intake";

    private ItemEvents() {
    }

    public static List<EventEnvelope<?>> of(Item item, List<ItemChange> changes) {
        List<EventEnvelope<?>> events = new ArrayList<>();
        for (ItemChange change : changes) {
            toContract(item, change).ifPresent(e -> events.add(e));
        }
        return events;
    }

    private static Optional<EventEnvelope<?>> toContract(Item item, ItemChange change) {
        // Java 17: no pattern switch yet, so an instanceof chain over the sealed family
        if (change instanceof ItemChange.Submitted s) {
            ItemContent c = content(item, s.revision());
            return Optional.of(wrap(new ItemSubmitted(s.itemId(), s.unitId(), s.revision(), c.title(),
                    name(c.category()), s.at(), c.commissionId()), s));
        }
        if (change instanceof ItemChange.Received r) {
            ItemContent c = content(item, r.revision());
            return Optional.of(wrap(new ItemReceived(r.itemId(), r.unitId(), r.revision(), c.title(),
                    name(c.category()), c.topics().stream().map(FocusTopic::name).toList(), c.majorEmergency(),
                    name(c.polarity()), c.eventDate(), r.submittedAt(), r.at(), r.by(), c.commissionId()), r));
        }
        if (change instanceof ItemChange.Returned r) {
            return Optional.of(wrap(new ItemReturned(r.itemId(), r.unitId(), r.revision(), r.opinion(), r.at(),
                    r.by()), r));
        }
        if (change instanceof ItemChange.Voided v) {
            return Optional.of(wrap(new ItemVoided(v.itemId(), v.unitId(), v.reason(), v.at(), v.by()), v));
        }
        if (change instanceof ItemChange.ForwardedToCity f) {
            return Optional.of(wrap(new ItemForwardedToCity(f.itemId(), f.unitId(), f.at(), f.by()), f));
        }
        if (change instanceof ItemChange.Corrected x) {
            return Optional.of(wrap(new ItemCorrected(x.itemId(), x.unitId(), x.revision(), contract(x.before()),
                    contract(x.after()), x.reason(), x.at(), x.by()), x));
        }
        // sign-off steps, a withdrawal, the room's entering for a unit (its Submitted is the event), and a deleted draft: audit only. A withdrawn revision is, to every consumer,
        // what a returned one is — an ItemSubmitted that was never received, followed by the next revision's — so the
        // topic needs no new type (one an older consumer could not read, and would dead-letter)
        return Optional.empty();
    }

    private static ItemCorrected.Classification contract(Classification c) {
        return new ItemCorrected.Classification(name(c.category()), c.majorEvent(), c.majorEmergency(),
                c.topics().stream().map(FocusTopic::name).toList());
    }

    private static EventEnvelope<?> wrap(cn.gov.eqq.govinfo.contracts.item.ItemEvent payload, ItemChange change) {
        return EventEnvelope.wrap(payload, PRODUCER, change.at());
    }

    private static ItemContent content(Item item, int revision) {
        return item.revision(revision).map(Revision::content).orElseThrow(
                () -> new IllegalStateException("item " + item.id() + " has no revision " + revision));
    }

    private static String name(Enum<?> e) {
        return e == null ? null : e.name();
    }

    /** The audit line for a change. */
    public static AuditEntry audit(ItemChange change, String byName, String origin) {
        if (change instanceof ItemChange.SignOffRequested x) {
            return line(x, byName, "SIGN_OFF_REQUESTED", null, null, origin);
        }
        if (change instanceof ItemChange.SignedOff x) {
            return line(x, byName, "SIGNED_OFF", null, x.opinion(), origin);
        }
        if (change instanceof ItemChange.SentBackBySignOff x) {
            return line(x, byName, "SENT_BACK_BY_LEADER", null, x.opinion(), origin);
        }
        if (change instanceof ItemChange.EnteredForUnit x) {
            return line(x, byName, "ENTERED_ON_BEHALF", null, null, origin);
        }
        if (change instanceof ItemChange.Submitted x) {
            return line(x, byName, "SUBMITTED", x.revision(), null, origin);
        }
        if (change instanceof ItemChange.Received x) {
            return line(x, byName, "RECEIVED", x.revision(), null, origin);
        }
        if (change instanceof ItemChange.Returned x) {
            return line(x, byName, "RETURNED", x.revision(), x.opinion(), origin);
        }
        if (change instanceof ItemChange.Voided x) {
            return line(x, byName, "VOIDED", null, x.reason(), origin);
        }
        if (change instanceof ItemChange.Withdrawn x) {
            return line(x, byName, "WITHDRAWN", x.revision(), null, origin);
        }
        if (change instanceof ItemChange.Deleted x) {
            return line(x, byName, "DELETED", null, null, origin);
        }
        if (change instanceof ItemChange.ForwardedToCity x) {
            return line(x, byName, "FORWARDED_TO_CITY", null, null, origin);
        }
        if (change instanceof ItemChange.Corrected x) {
            // the trail says what changed and why: 类别 由「动态类」改为「问题类」；理由：…
            return line(x, byName, "CORRECTED", x.revision(),
                    String.join("；", x.before().changesTo(x.after())) + "；理由：" + x.reason(), origin);
        }
        throw new IllegalArgumentException("unknown change " + change);
    }

    private static AuditEntry line(ItemChange c, String byName, String action, Integer revision, String reason,
                                   String origin) {
        return new AuditEntry(c.at(), c.by(), byName, action, revision, reason, origin);
    }
}
