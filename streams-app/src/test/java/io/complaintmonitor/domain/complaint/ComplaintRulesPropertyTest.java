package io.complaintmonitor.domain.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.domain.LondonTime;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the rules over 300 seeded random complaint histories (2025 to 2026, so every
 * bank holiday and clock change of those years is crossed somewhere). Each case's seed is its
 * name, so a failure reproduces. Hand-rolled rather than jqwik, whose author asks AI agents not
 * to use it.
 */
class ComplaintRulesPropertyTest {

    private static final ComplaintRules RULES = new ComplaintRules(Scenario.CALENDAR);
    private static final Comparator<Alert> BY_TIME_THEN_ID =
            Comparator.comparing(Alert::raisedAt).thenComparing(Alert::alertId);

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 300);
    }

    /**
     * Timed alerts depend only on the facts, not on arrival order, as long as judgement waits for
     * the events (what a grace period gives). Immediate alerts are judged when their event is
     * applied, on the facts known then, so they are left out here: see docs/rules.md.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldRaiseTheSameTimedAlertsWhateverTheArrivalOrder(long seed) {
        History h = History.generate(seed);
        List<Alert> inOrder = timed(sorted(advanceBeforeEachEvent(h.events(), h.end())));

        List<ComplaintEvent> shuffled = new ArrayList<>(h.events());
        Collections.shuffle(shuffled, new Random(seed));
        ComplaintState state = null;
        List<Alert> alerts = new ArrayList<>();
        for (ComplaintEvent e : shuffled) {
            Transition t = RULES.apply(state, e);
            state = t.state();
            alerts.addAll(t.alerts());
        }
        alerts.addAll(RULES.advanceTo(state, h.end()).alerts());

        assertThat(timed(sorted(alerts))).containsExactlyElementsOf(inOrder);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldRaiseEachAlertAtItsInstantForAProcessorThatWakesOnlyForListedDeadlines(long seed) {
        History h = History.generate(seed);
        List<Alert> expected = sorted(advanceBeforeEachEvent(h.events(), h.end()));
        // Redeliver some events later: duplicates must change nothing.
        Random random = new Random(seed);
        List<ComplaintEvent> delivered = new ArrayList<>(h.events());
        for (ComplaintEvent e : h.events()) {
            if (random.nextInt(3) == 0) {
                int at = delivered.indexOf(e) + 1 + random.nextInt(delivered.size() - delivered.indexOf(e));
                delivered.add(at, e);
            }
        }

        ComplaintState state = null;
        List<Deadline> scheduled = List.of();
        List<Alert> emitted = new ArrayList<>();
        Instant streamTime = Instant.MIN;
        for (ComplaintEvent e : delivered) {
            streamTime = max(streamTime, e.occurredAt());
            if (state != null) {
                Woken woken = wake(state, scheduled, streamTime, emitted);
                state = woken.state();
                scheduled = woken.pending();
            }
            Transition t = RULES.apply(state, e);
            state = t.state();
            scheduled = t.deadlines();
            t.alerts().forEach(a -> assertThat(a.raisedAt()).isEqualTo(e.occurredAt()));
            emitted.addAll(t.alerts());
        }
        wake(state, scheduled, h.end(), emitted);

        assertThat(sorted(emitted)).containsExactlyElementsOf(expected);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldRaiseAlertsOnlyAtTheInstantsTheRulesDefine(long seed) {
        History h = History.generate(seed);
        List<Alert> alerts = advanceBeforeEachEvent(h.events(), h.end());
        List<Instant> eventTimes = h.events().stream().map(ComplaintEvent::occurredAt).toList();
        ComplaintState state = finalState(h.events());
        Instant stoppedForGood = TimedValue.earliest(state.refusedAt(), state.withdrawnAt());

        assertThat(alerts).extracting(Alert::alertId).doesNotHaveDuplicates();
        for (Alert a : alerts) {
            switch (a.type()) {
                case ACKNOWLEDGEMENT_OVERDUE, RESPONSE_OVERDUE, RESIDENT_UPDATE_OVERDUE ->
                        assertThat(a.raisedAt()).as(a.toString()).isEqualTo(LondonTime.startOf(a.dueDate().plusDays(1)));
                case ACKNOWLEDGEMENT_DUE_SOON, RESPONSE_DUE_SOON -> {
                    LocalDate w = LondonTime.dateOf(a.raisedAt());
                    assertThat(a.raisedAt()).as(a.toString()).isEqualTo(LondonTime.startOf(w));
                    assertThat(Scenario.CALENDAR.isWorkingDay(w)).as(a.toString()).isTrue();
                    assertThat(Scenario.CALENDAR.addWorkingDays(w, 2)).as(a.toString()).isEqualTo(a.dueDate());
                }
                case EXTENSION_EXCEEDS_LIMIT, DEFINITION_MISSING ->
                        assertThat(eventTimes).as(a.toString()).contains(a.raisedAt());
            }
            assertThat(a.raisedAt()).as(a.toString()).isBeforeOrEqualTo(h.end());
            if (stoppedForGood != null) {
                assertThat(a.raisedAt()).as(a.toString()).isBeforeOrEqualTo(stoppedForGood);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void shouldKeepTheFiguresConsistent(long seed) {
        History h = History.generate(seed);
        ComplaintState state = finalState(h.events());
        for (StageOutcome o : RULES.outcomesOf(state)) {
            assertThat(!o.acknowledgedWithinTimescale() || o.acknowledged()).as(o.toString()).isTrue();
            assertThat(!o.respondedWithinTimescale() || o.responded()).as(o.toString()).isTrue();
            assertThat(!o.responded() || o.acknowledged()).as(o.toString()).isTrue();
            assertThat(!o.open() || !o.responded()).as(o.toString()).isTrue();
            assertThat(!o.acknowledgedWithinTimescale() || o.received()).as(o.toString()).isTrue();
        }
    }

    // --- drivers -------------------------------------------------------------------------

    private record Woken(ComplaintState state, List<Deadline> pending) {
    }

    /** A punctuator: while a scheduled check is due by {@code now}, advance to that check's instant. */
    private static Woken wake(ComplaintState state, List<Deadline> scheduled, Instant now, List<Alert> emitted) {
        ComplaintState current = state;
        List<Deadline> pending = scheduled;
        while (!pending.isEmpty() && !pending.get(0).at().isAfter(now)) {
            Instant at = pending.get(0).at();
            Transition t = RULES.advanceTo(current, at);
            t.alerts().forEach(a -> assertThat(a.raisedAt()).as("emitted when due: " + a).isEqualTo(at));
            emitted.addAll(t.alerts());
            current = t.state();
            pending = t.deadlines();
        }
        return new Woken(current, pending);
    }

    private static List<Alert> advanceBeforeEachEvent(List<ComplaintEvent> events, Instant end) {
        ComplaintState state = null;
        List<Alert> alerts = new ArrayList<>();
        for (ComplaintEvent e : events) {
            if (state != null) {
                Transition advanced = RULES.advanceTo(state, e.occurredAt());
                alerts.addAll(advanced.alerts());
                state = advanced.state();
            }
            Transition t = RULES.apply(state, e);
            alerts.addAll(t.alerts());
            state = t.state();
        }
        alerts.addAll(RULES.advanceTo(state, end).alerts());
        return alerts;
    }

    private static ComplaintState finalState(List<ComplaintEvent> events) {
        ComplaintState state = null;
        for (ComplaintEvent e : events) {
            state = RULES.apply(state, e).state();
        }
        return state;
    }

    private static List<Alert> sorted(List<Alert> alerts) {
        return alerts.stream().sorted(BY_TIME_THEN_ID).toList();
    }

    private static List<Alert> timed(List<Alert> alerts) {
        return alerts.stream().filter(a -> !a.type().isImmediate()).toList();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    /** One complaint's events in time order (all at distinct instants), and when to stop judging. */
    record History(List<ComplaintEvent> events, Instant end) {

        static History generate(long seed) {
            return new Generator(new Random(seed)).history();
        }
    }

    private static final class Generator {
        private final Random r;
        private final List<ComplaintEvent> events = new ArrayList<>();
        private Instant start;

        Generator(Random r) {
            this.r = r;
        }

        History history() {
            LocalDate base = LocalDate.of(2025, 1, 6).plusDays(r.nextInt(540));
            start = base.atTime(LocalTime.of(7, 0)).atZone(LondonTime.ZONE).toInstant();
            if (r.nextInt(10) < 8) {
                add(source(true, false), EventType.RECEIVED, null, 0);
                if (r.nextInt(4) == 0) {
                    add(source(true, false), EventType.RECEIVED, null, r.nextInt(6));
                }
            }
            stage(1, 0);
            if (r.nextInt(10) < 4) {
                int escalatedOn = 15 + r.nextInt(35);
                add(source(false, true), EventType.ESCALATION_REQUESTED, null, escalatedOn);
                if (r.nextInt(5) == 0) {
                    add(source(false, true), EventType.ESCALATION_REQUESTED, null, escalatedOn + r.nextInt(4));
                }
                stage(2, escalatedOn);
            }
            if (r.nextInt(100) < 15) {
                add(Source.CRM, r.nextBoolean() ? EventType.REFUSED : EventType.WITHDRAWN, null, r.nextInt(60));
            }
            if (r.nextInt(100) < 25) {
                add(Source.CRM, EventType.CLOSED, r.nextBoolean() ? null : 1 + r.nextInt(2), 5 + r.nextInt(60));
            }
            if (events.isEmpty()) {
                add(Source.CRM, EventType.RESIDENT_UPDATED, 1, r.nextInt(10));
            }
            List<ComplaintEvent> sorted = events.stream().sorted(Comparator.comparing(ComplaintEvent::occurredAt)).toList();
            return new History(sorted, start.plus(Duration.ofDays(130)));
        }

        private void stage(int stage, int from) {
            if (r.nextInt(10) < 8) {
                add(source(false, false), EventType.ACKNOWLEDGED, stage, from + r.nextInt(10));
            }
            int extensions = r.nextInt(10) < 4 ? 1 + r.nextInt(2) : 0;
            for (int i = 0; i < extensions; i++) {
                add(source(false, false), EventType.EXTENSION_AGREED, stage, from + 3 + r.nextInt(25));
            }
            int updates = r.nextInt(10) < 4 ? r.nextInt(5) : 0;
            for (int i = 0; i < updates; i++) {
                add(source(false, false), EventType.RESIDENT_UPDATED, stage, from + 5 + r.nextInt(40));
            }
            if (r.nextInt(10) < 7) {
                add(source(false, false), EventType.RESPONSE_ISSUED, stage, from + 3 + r.nextInt(stage == 1 ? 30 : 45));
            }
        }

        private Source source(boolean mayBeWebForm, boolean escalation) {
            int pick = r.nextInt(10);
            if (mayBeWebForm && pick < 3 || escalation && pick < 5) {
                return Source.WEBFORM;
            }
            return !escalation && pick >= 7 ? Source.CONTRACTOR : Source.CRM;
        }

        private void add(Source source, EventType type, Integer stage, int day) {
            // Distinct instants: minutes vary, and the event's index adds that many seconds (< 60 events).
            Instant at = start.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(r.nextInt(14 * 60)))
                    .plusSeconds(events.size());
            ComplaintEvent.Builder b = ComplaintEvent.builder(source, "id-" + events.size(), type)
                    .landlordId("L").complaintRef("R").stage(stage).occurredAt(at);
            if (source == Source.CONTRACTOR) {
                b.contractorId(r.nextBoolean() ? "C1" : "C2");
            }
            if (source == Source.CRM && r.nextBoolean()) {
                b.handlingTeam(r.nextBoolean() ? "T1" : "T2");
            }
            if (r.nextInt(3) == 0) {
                b.category(r.nextBoolean() ? "REPAIRS" : "ASB");
            }
            switch (type) {
                case ACKNOWLEDGED -> b.definitionRecorded(r.nextInt(10) < 8 ? Boolean.TRUE
                        : r.nextBoolean() ? Boolean.FALSE : null);
                case EXTENSION_AGREED -> b.newDueDate(LondonTime.dateOf(at).plusDays(r.nextInt(35)))
                        .updateIntervalWorkingDays(r.nextBoolean() ? null : 1 + r.nextInt(4));
                default -> {
                }
            }
            events.add(b.build());
        }
    }
}
