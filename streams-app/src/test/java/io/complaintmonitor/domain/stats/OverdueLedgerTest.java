package io.complaintmonitor.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Steps open past due at the start of each day, kept as changes by day and folded as windows close. */
class OverdueLedgerTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    /** An unfinished stage 1 response step open past due from {@code from} until {@code until} (null: still open). */
    private static StepMeasure overdue(LocalDate from, LocalDate until) {
        return new StepMeasure(Step.STAGE1_RESPONSE, Labels.NONE, null, 0, false, 0, from, until);
    }

    private static StepMeasure overdue(String from, String until) {
        return overdue(d(from), until == null ? null : d(until));
    }

    @Test
    void shouldCountTheStepFromItsFirstOverdueDayUntilTheDayItEnded() {
        // Due Tuesday 13 January 2026, so open past due from the start of the 14th; responded on
        // Monday the 19th, so no longer at the start of the 20th: open past due at 14..19.
        OverdueLedger ledger = OverdueLedger.EMPTY.plus(overdue("2026-01-14", "2026-01-20"));

        assertThat(ledger.openPastDueAt(d("2026-01-13"))).isZero();
        assertThat(ledger.openPastDueAt(d("2026-01-14"))).isEqualTo(1);
        assertThat(ledger.openPastDueAt(d("2026-01-19"))).isEqualTo(1);
        assertThat(ledger.openPastDueAt(d("2026-01-20"))).isZero();
        assertThat(ledger.openPastDueAt(d("2027-01-01"))).isZero();
        assertThat(ledger.changes()).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                d("2026-01-14").toEpochDay(), 1L, d("2026-01-20").toEpochDay(), -1L)));
    }

    @Test
    void shouldCountTheStepOnEveryLaterDayWhenItIsStillOpen() {
        OverdueLedger ledger = OverdueLedger.EMPTY.plus(overdue("2026-01-14", null));

        assertThat(ledger.openPastDueAt(d("2026-01-13"))).isZero();
        assertThat(ledger.openPastDueAt(d("2026-01-14"))).isEqualTo(1);
        assertThat(ledger.openPastDueAt(d("2030-06-30"))).isEqualTo(1);
        assertThat(ledger.changes()).hasSize(1);
    }

    @Test
    void shouldCountNothingWhenStepEndedOnOrBeforeItsFirstOverdueDayOrHasNoDueDate() {
        // Done on its last allowed day (13th): until = 14th = from, never open past due.
        StepMeasure inTime = overdue("2026-01-14", "2026-01-14");
        StepMeasure stoppedEarly = overdue("2026-01-14", "2025-12-23");
        StepMeasure noDueDate = overdue((LocalDate) null, null);

        assertThat(OverdueLedger.firstDayAffected(inTime)).isNull();
        assertThat(OverdueLedger.firstDayAffected(stoppedEarly)).isNull();
        assertThat(OverdueLedger.firstDayAffected(noDueDate)).isNull();
        assertThat(OverdueLedger.firstDayAffected(overdue("2026-01-14", "2026-01-15"))).isEqualTo(d("2026-01-14"));
        OverdueLedger ledger = OverdueLedger.EMPTY.plus(inTime).plus(stoppedEarly).plus(noDueDate);
        assertThat(ledger).isEqualTo(OverdueLedger.EMPTY);
        assertThat(ledger.isEmpty()).isTrue();
    }

    @Test
    void shouldReturnToEmptyWhenStepIsRetracted() {
        StepMeasure a = overdue("2026-01-14", "2026-01-20");
        StepMeasure b = overdue("2026-01-16", null);
        OverdueLedger both = OverdueLedger.EMPTY.plus(a).plus(b);

        assertThat(both.openPastDueAt(d("2026-01-16"))).isEqualTo(2);
        OverdueLedger onlyB = both.minus(a);
        assertThat(onlyB).isEqualTo(OverdueLedger.EMPTY.plus(b));
        assertThat(onlyB.openPastDueAt(d("2026-01-15"))).isZero();
        assertThat(onlyB.openPastDueAt(d("2026-01-16"))).isEqualTo(1);
        assertThat(onlyB.minus(b)).isEqualTo(OverdueLedger.EMPTY);
        assertThat(onlyB.minus(b).isEmpty()).isTrue();
    }

    @Test
    void shouldKeepAnswersFromTheFoldDayOnWhenDaysAreFolded() {
        // a 14..19, b 16.. still open, c 25..26.
        OverdueLedger ledger = OverdueLedger.EMPTY
                .plus(overdue("2026-01-14", "2026-01-20"))
                .plus(overdue("2026-01-16", null))
                .plus(overdue("2026-01-25", "2026-01-27"));

        OverdueLedger folded = ledger.foldUpTo(d("2026-01-18"));

        // At the 18th a and b; at the 20th only b; at 25th and 26th b and c; at the 27th b.
        for (String day : List.of("2026-01-18", "2026-01-19", "2026-01-20", "2026-01-24", "2026-01-25",
                "2026-01-26", "2026-01-27", "2026-02-01")) {
            assertThat(folded.openPastDueAt(d(day))).as(day).isEqualTo(ledger.openPastDueAt(d(day)));
        }
        assertThat(folded.openPastDueAt(d("2026-01-18"))).isEqualTo(2);
        assertThat(folded.openPastDueAt(d("2026-01-20"))).isEqualTo(1);
        assertThat(folded.openPastDueAt(d("2026-01-25"))).isEqualTo(2);
        assertThat(folded.openPastDueAt(d("2026-01-27"))).isEqualTo(1);
        assertThat(folded.base()).isEqualTo(2);
        assertThat(folded.changes()).hasSize(3);
        assertThatThrownBy(() -> folded.openPastDueAt(d("2026-01-17")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("2026-01-18");
        // Folding again to an earlier day changes nothing.
        assertThat(folded.foldUpTo(d("2026-01-10"))).isEqualTo(folded);
    }

    @Test
    void shouldCountAStepFromTheFoldDayWhenItStartedBeforeTheFoldPoint() {
        OverdueLedger folded = OverdueLedger.EMPTY
                .plus(overdue("2026-01-14", "2026-01-20"))
                .foldUpTo(d("2026-01-18"));

        // A late event: a step open past due 10..21 (before the fold) is counted at 18..21.
        StepMeasure late = overdue("2026-01-10", "2026-01-22");
        OverdueLedger withLate = folded.plus(late);
        assertThat(withLate.openPastDueAt(d("2026-01-18"))).isEqualTo(2);
        assertThat(withLate.openPastDueAt(d("2026-01-20"))).isEqualTo(1);
        assertThat(withLate.openPastDueAt(d("2026-01-21"))).isEqualTo(1);
        assertThat(withLate.openPastDueAt(d("2026-01-22"))).isZero();

        // One wholly before the fold (5..11) changes no answer; taking it out again neither.
        StepMeasure gone = overdue("2026-01-05", "2026-01-12");
        assertThat(withLate.plus(gone)).isEqualTo(withLate);
        // Retracting a folded step: a (14..19) leaves only the late one at the 18th and 19th.
        OverdueLedger withoutA = withLate.minus(overdue("2026-01-14", "2026-01-20"));
        assertThat(withoutA.openPastDueAt(d("2026-01-18"))).isEqualTo(1);
        assertThat(withoutA.openPastDueAt(d("2026-01-20"))).isEqualTo(1);
        assertThat(withoutA.minus(late).openPastDueAt(d("2026-01-18"))).isZero();
        assertThat(withoutA.minus(late).isEmpty()).isTrue();
    }

    @Test
    void shouldAgreeWithBruteForceCountWhenStepsAreAddedRetractedAndFoldedAtRandom() {
        LocalDate origin = d("2026-01-01");
        for (long seed = 1; seed <= 200; seed++) {
            Random random = new Random(seed);
            List<StepMeasure> live = new ArrayList<>();
            OverdueLedger ledger = OverdueLedger.EMPTY;
            LocalDate fold = null;
            for (int op = 0; op < 60; op++) {
                int choice = random.nextInt(10);
                if (choice < 5 || live.isEmpty()) {
                    LocalDate from = random.nextInt(10) == 0 ? null : origin.plusDays(random.nextInt(60));
                    LocalDate until = random.nextInt(3) == 0 ? null
                            : origin.plusDays(random.nextInt(70));
                    StepMeasure step = overdue(from, until);
                    live.add(step);
                    ledger = ledger.plus(step);
                } else if (choice < 8) {
                    ledger = ledger.minus(live.remove(random.nextInt(live.size())));
                } else {
                    LocalDate to = origin.plusDays(random.nextInt(70));
                    ledger = ledger.foldUpTo(to);
                    fold = fold == null || to.isAfter(fold) ? to : fold;
                }
                LocalDate firstAnswered = fold == null ? origin.minusDays(5) : fold;
                for (LocalDate day = firstAnswered; day.isBefore(origin.plusDays(75)); day = day.plusDays(1)) {
                    final LocalDate at = day;
                    long expected = live.stream().filter(s -> s.openPastDueAt(at)).count();
                    assertThat(ledger.openPastDueAt(at)).as("seed %d op %d day %s", seed, op, at)
                            .isEqualTo(expected);
                }
            }
        }
    }

    @Test
    void shouldCountAStepPutInOrTakenOutNTimesAsNStepsWhenChangedByCounts() {
        Random random = new Random(29);
        LocalDate start = d("2026-01-05");
        OverdueLedger oneByOne = OverdueLedger.EMPTY.plus(overdue("2026-01-06", "2026-01-20")).foldUpTo(d("2026-01-08"));
        OverdueLedger byCounts = oneByOne;
        for (int round = 0; round < 500; round++) {
            LocalDate from = start.plusDays(random.nextInt(30));
            StepMeasure step = overdue(from, random.nextBoolean() ? null : from.plusDays(random.nextInt(20)));
            int times = random.nextInt(7) - 3;
            for (int i = 0; i < Math.abs(times); i++) {
                oneByOne = times < 0 ? oneByOne.minus(step) : oneByOne.plus(step);
            }
            byCounts = byCounts.change(Map.of(step, times));
            assertThat(byCounts).isEqualTo(oneByOne);
        }
    }
}
