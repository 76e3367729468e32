package io.complaintmonitor.stats;

import io.complaintmonitor.domain.LondonTime;
import io.complaintmonitor.domain.stats.FiguresDelta;
import io.complaintmonitor.domain.stats.Labels;
import io.complaintmonitor.domain.stats.Measures;
import io.complaintmonitor.domain.stats.Tally;
import io.complaintmonitor.ingest.SurveyFeedback;
import java.util.ArrayList;
import java.util.List;

/**
 * One survey response as a figures change: a {@code survey.feedback} count on its date, in the
 * groups its labels name (all, landlord, source webform, category). A repeated submission counts
 * again: survey feedback has no complaint whose state could remember its id. The tracking task
 * merges these into its figures outbox with the complaints' changes.
 */
public final class SurveyFigures {

    private SurveyFigures() {
    }

    public static List<FiguresDelta> of(SurveyFeedback feedback) {
        Labels labels = new Labels(feedback.landlordId(), "webform", feedback.category(), null, null);
        Tally tally = new Tally(Measures.SURVEY_FEEDBACK, LondonTime.dateOf(feedback.submittedAt()), 1, Labels.NONE);
        List<FiguresDelta> out = new ArrayList<>();
        labels.dimensionKeys().forEach(group -> out.add(
                new FiguresDelta(group, List.of(), List.of(), List.of(), List.of(tally))));
        return out;
    }
}
