package io.complaintmonitor.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What to take out of and put into each group's figures when a complaint's figures change. */
class FiguresDeltaTest {

    private static final LocalDate RECEIVED_ON = LocalDate.parse("2025-12-19");
    private static final Labels UNCATEGORISED = new Labels("landlord-1", "crm", null, null, "housing-north");
    private static final Labels DAMP = new Labels("landlord-1", "crm", "DAMP_MOULD", null, "housing-north");

    private static DimensionKey key(String text) {
        return DimensionKey.parse(text);
    }

    /** Acknowledgement of a receipt on Friday 19 December 2025, due Tuesday 30 December, not yet done. */
    private static StepMeasure openAcknowledgement(Labels labels) {
        return new StepMeasure(Step.STAGE1_ACKNOWLEDGEMENT, labels, null, 0, false, 0,
                LocalDate.parse("2025-12-31"), null);
    }

    /** The same step done Monday 29 December: 4 working days (22, 23, 24, 29; 25 and 26 are bank holidays). */
    private static StepMeasure doneAcknowledgement(Labels labels) {
        return new StepMeasure(Step.STAGE1_ACKNOWLEDGEMENT, labels, LocalDate.parse("2025-12-29"), 4, true, 0,
                LocalDate.parse("2025-12-31"), LocalDate.parse("2025-12-30"));
    }

    private static Tally received(Labels labels) {
        return new Tally(Measures.received(1), RECEIVED_ON, 1, labels);
    }

    private static ComplaintFigures figures(Labels labels, StepMeasure step) {
        return new ComplaintFigures(List.of(step), List.of(received(labels)));
    }

    @Test
    void shouldMoveFactsBetweenCategoryGroupsAndLeaveAllUntouchedWhenComplaintLearnsItsCategory() {
        ComplaintFigures before = figures(UNCATEGORISED, openAcknowledgement(UNCATEGORISED));
        ComplaintFigures after = figures(DAMP, openAcknowledgement(DAMP));

        List<FiguresDelta> deltas = FiguresDelta.between(before, after);

        // Group order: dimension, then value ("DAMP_MOULD" sorts before "unknown").
        assertThat(deltas).extracting(FiguresDelta::key)
                .containsExactly(key("category=DAMP_MOULD"), key("category=unknown"));
        FiguresDelta damp = deltas.get(0);
        assertThat(damp.addedSteps()).containsExactly(openAcknowledgement(Labels.NONE));
        assertThat(damp.addedTallies()).containsExactly(received(Labels.NONE));
        assertThat(damp.removedSteps()).isEmpty();
        assertThat(damp.removedTallies()).isEmpty();
        FiguresDelta unknown = deltas.get(1);
        assertThat(unknown.removedSteps()).containsExactly(openAcknowledgement(Labels.NONE));
        assertThat(unknown.removedTallies()).containsExactly(received(Labels.NONE));
        assertThat(unknown.addedSteps()).isEmpty();
        assertThat(unknown.addedTallies()).isEmpty();
        assertThat(deltas).extracting(FiguresDelta::key).doesNotContain(DimensionKey.ALL);
    }

    @Test
    void shouldGiveNoDeltaWhenFiguresAreUnchanged() {
        ComplaintFigures figures = figures(DAMP, doneAcknowledgement(DAMP));

        assertThat(FiguresDelta.between(figures, figures(DAMP, doneAcknowledgement(DAMP)))).isEmpty();
        assertThat(FiguresDelta.between(ComplaintFigures.NONE, ComplaintFigures.NONE)).isEmpty();
        assertThat(FiguresDelta.between(null, null)).isEmpty();
    }

    @Test
    void shouldAddEverythingInEveryGroupWhenThereWereNoFiguresBefore() {
        ComplaintFigures after = figures(DAMP, openAcknowledgement(DAMP));

        List<FiguresDelta> deltas = FiguresDelta.between(null, after);

        // No contractor handled it, so no contractor group: five groups, ALL first.
        assertThat(deltas).extracting(d -> d.key().asString()).containsExactly("all=all", "source=crm",
                "category=DAMP_MOULD", "handlingTeam=housing-north", "landlordId=landlord-1");
        for (FiguresDelta delta : deltas) {
            assertThat(delta.addedSteps()).containsExactly(openAcknowledgement(Labels.NONE));
            assertThat(delta.addedTallies()).containsExactly(received(Labels.NONE));
            assertThat(delta.removedSteps()).isEmpty();
            assertThat(delta.removedTallies()).isEmpty();
        }
        // And the other way: a complaint's figures dropped take everything out.
        assertThat(FiguresDelta.between(after, null)).allSatisfy(d -> {
            assertThat(d.removedSteps()).hasSize(1);
            assertThat(d.removedTallies()).hasSize(1);
            assertThat(d.addedSteps()).isEmpty();
        }).hasSize(5);
    }

    @Test
    void shouldTakeOutTheOpenStepAndPutInTheFinishedOneInEveryGroupWhenStepFinishes() {
        ComplaintFigures before = figures(DAMP, openAcknowledgement(DAMP));
        ComplaintFigures after = figures(DAMP, doneAcknowledgement(DAMP));

        List<FiguresDelta> deltas = FiguresDelta.between(before, after);

        assertThat(deltas).hasSize(5);
        for (FiguresDelta delta : deltas) {
            assertThat(delta.removedSteps()).containsExactly(openAcknowledgement(Labels.NONE));
            assertThat(delta.addedSteps()).containsExactly(doneAcknowledgement(Labels.NONE));
            // The receipt tally is the same before and after.
            assertThat(delta.removedTallies()).isEmpty();
            assertThat(delta.addedTallies()).isEmpty();
        }
    }

    @Test
    void shouldIncludeTheContractorGroupOnlyWhenAContractorHandledTheStage() {
        Labels contractor = new Labels("landlord-1", "contractor", "REPAIRS", "acme-repairs", null);

        List<FiguresDelta> withContractor = FiguresDelta.between(null,
                figures(contractor, openAcknowledgement(contractor)));
        List<FiguresDelta> without = FiguresDelta.between(null, figures(DAMP, openAcknowledgement(DAMP)));

        // An unknown team counts under handlingTeam=unknown, so the team breakdown adds up to ALL.
        assertThat(withContractor).extracting(d -> d.key().asString()).containsExactly("all=all",
                "source=contractor", "category=REPAIRS", "contractorId=acme-repairs", "handlingTeam=unknown",
                "landlordId=landlord-1");
        assertThat(without).extracting(d -> d.key().dimension()).doesNotContain(Dimension.CONTRACTOR);
    }

    @Test
    void shouldCancelOneEqualFactAtATimeWhenTheSameTallyAppearsTwice() {
        // Facts are a multiset: each fact after cancels one equal fact before, not all of them.
        Tally remedy = new Tally(Measures.remediesOffered(1), RECEIVED_ON, 1, DAMP);
        ComplaintFigures two = new ComplaintFigures(List.of(), List.of(remedy, remedy));
        ComplaintFigures one = new ComplaintFigures(List.of(), List.of(remedy));

        List<FiguresDelta> deltas = FiguresDelta.between(two, one);

        assertThat(deltas).hasSize(5).allSatisfy(d -> {
            assertThat(d.removedTallies()).containsExactly(new Tally(Measures.remediesOffered(1), RECEIVED_ON, 1,
                    Labels.NONE));
            assertThat(d.addedTallies()).isEmpty();
        });
    }

    @Test
    void shouldCountBlankAndMissingLabelsAsUnknownWhenSplittingIntoGroups() {
        Labels labels = new Labels(null, " ", "A|B", null, null);

        assertThat(labels.dimensionKeys()).extracting(DimensionKey::asString).containsExactly("all=all",
                "source=unknown", "category=A/B", "handlingTeam=unknown", "landlordId=unknown");
    }
}
