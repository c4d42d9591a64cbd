package cn.gov.eqq.govinfo.intake.item.application;

import cn.gov.eqq.govinfo.contracts.item.ItemSubmitted;
import cn.gov.eqq.govinfo.intake.item.domain.Category;
import cn.gov.eqq.govinfo.intake.item.domain.FocusTopic;
import cn.gov.eqq.govinfo.intake.item.domain.Item;
import cn.gov.eqq.govinfo.intake.item.domain.ItemContent;
import cn.gov.eqq.govinfo.intake.item.domain.NearDuplicateDetector;
import cn.gov.eqq.govinfo.intake.item.domain.Polarity;
import cn.gov.eqq.govinfo.intake.shared.domain.Actor;
import cn.gov.eqq.govinfo.intake.shared.domain.Role;
import cn.gov.eqq.govinfo.intake.unit.domain.Unit;
import cn.gov.eqq.govinfo.platform.failure.UseCaseFailure;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** 代录 as a use case: the unit directory is asked, and the item's one write carries its ItemSubmitted. */
class EnteringOnBehalfTest {

    private static final Instant NOW = Instant.parse("2026-07-10T02:00:00Z");
    private static final Instant EMAIL = Instant.parse("2026-07-09T08:30:00Z");
    private static final Actor ROOM = new Actor("room", "孙涛", null, Set.of(Role.INFO_ROOM));
    private static final ItemContent CONTENT = new ItemContent("城川镇春季防火部署会", "7月9日，城川镇召开春季防火部署会。",
            Category.DYNAMIC, List.of(FocusTopic.LIVELIHOOD), LocalDate.of(2026, 7, 9), "张信息员", "0477-7622029",
            Polarity.GOOD_NEWS, false, false, null, null, List.of());

    private final HandlingItemsTest.InMemoryItems store = new HandlingItemsTest.InMemoryItems();
    private final AtomicInteger kicks = new AtomicInteger();
    private final HandlingItems items = new HandlingItems(store, Clock.fixed(NOW, ZoneOffset.UTC),
            kicks::incrementAndGet, new NearDuplicateDetector(0.6), Duration.ofDays(92),
            new HandlingItemsTest.InMemoryCommissions());
    private final Map<String, Unit> directory = Map.of(
            "U006", Unit.memberSinceFirstMonth("U006", "旗发改委", 1),
            "U030", Unit.memberSinceFirstMonth("U030", "旗档案馆", 2).leaving(YearMonth.of(2026, 1)));
    private final EnteringOnBehalf onBehalf = new EnteringOnBehalf(items,
            id -> Optional.ofNullable(directory.get(id)));

    @Test
    void theEnteredItemIsWrittenOnceWithTheSubmissionOtherServicesReadAtTheEmailsTime() {
        Item item = onBehalf.enter(ROOM, new EnteringOnBehalf.EnterOnBehalf("U006", EMAIL, CONTENT, "10.0.0.2"));

        assertThat(store.items.get(item.id()).item().enteredOnBehalf().byName()).isEqualTo("孙涛");
        HandlingItemsTest.InMemoryItems.Write write = store.writes.get(0);
        assertThat(write.events()).singleElement().satisfies(e -> {
            ItemSubmitted submitted = (ItemSubmitted) e.payload();
            assertThat(submitted.unitId()).isEqualTo("U006");
            assertThat(submitted.submittedAt()).isEqualTo(EMAIL);
            assertThat(submitted.revision()).isEqualTo(1);
        });
        assertThat(write.audit()).extracting(AuditEntry::action).containsExactly("ENTERED_ON_BEHALF", "SUBMITTED");
        assertThat(write.audit().get(0).at()).isEqualTo(NOW);
        assertThat(write.audit().get(0).origin()).isEqualTo("10.0.0.2");
        assertThat(kicks).hasValue(1);
    }

    @Test
    void anUnknownOrFormerUnitIsRefusedBesideTheUnitField() {
        assertThatThrownBy(() -> onBehalf.enter(ROOM, new EnteringOnBehalf.EnterOnBehalf("U999", EMAIL, CONTENT, null)))
                .isInstanceOfSatisfying(UseCaseFailure.class, f -> {
                    assertThat(f.code()).isEqualTo("item.unknown-unit");
                    assertThat(f.errors()).extracting(UseCaseFailure.FieldError::field).containsExactly("unitId");
                });
        assertThatThrownBy(() -> onBehalf.enter(ROOM, new EnteringOnBehalf.EnterOnBehalf("U030", EMAIL, CONTENT, null)))
                .isInstanceOfSatisfying(UseCaseFailure.class, f -> {
                    assertThat(f.code()).isEqualTo("item.unit-inactive");
                    assertThat(f.getMessage()).isEqualTo("旗档案馆已不是报送单位，不能为其代录信息");
                });
        assertThat(store.items).isEmpty();
    }

    @Test
    void aReporterMayNotEnterForAUnitNotEvenItsOwn() {
        Actor reporter = new Actor("rep", "张信息员", "U006", Set.of(Role.REPORTER));
        assertThatThrownBy(() -> onBehalf.enter(reporter,
                new EnteringOnBehalf.EnterOnBehalf("U006", EMAIL, CONTENT, null)))
                .isInstanceOfSatisfying(UseCaseFailure.class,
                        f -> assertThat(f.kind()).isEqualTo(UseCaseFailure.Kind.FORBIDDEN));
        assertThat(store.items).isEmpty();
    }

    @Test
    void aTimeTooEarlyIsRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> onBehalf.enter(ROOM, new EnteringOnBehalf.EnterOnBehalf("U006",
                Instant.parse("2026-05-20T00:00:00Z"), CONTENT, null)))
                .isInstanceOfSatisfying(UseCaseFailure.class, f -> {
                    assertThat(f.code()).isEqualTo("item.sent-at-too-early");
                    assertThat(f.errors()).extracting(UseCaseFailure.FieldError::field).containsExactly("sentAt");
                });
        assertThat(store.writes).isEmpty();
    }
}
