package io.complaintmonitor.stats;

import io.complaintmonitor.domain.LondonTime;
import io.complaintmonitor.domain.stats.ComplaintFigures;
import io.complaintmonitor.domain.stats.Labels;
import io.complaintmonitor.domain.stats.Measures;
import io.complaintmonitor.domain.stats.Tally;
import io.complaintmonitor.ingest.SurveyFeedback;
import java.util.List;

/**
 * One survey response as figures: a {@code survey.feedback} count on its date, labelled with its
 * landlord, source webform and category (no handling team), so it counts in those groups, in the
 * unknown team's and in ALL, as {@link Labels#dimensionKeys} sorts them. A repeated
 * submission counts again: survey feedback has no complaint whose state could remember its id. The
 * tracking task merges these into its figures outbox with the complaints' changes.
 */
public final class SurveyFigures {

    private SurveyFigures() {
    }

    public static ComplaintFigures of(SurveyFeedback feedback) {
        Labels labels = new Labels(feedback.landlordId(), "webform", feedback.category(), null, null);
        return new ComplaintFigures(List.of(),
                List.of(new Tally(Measures.SURVEY_FEEDBACK, LondonTime.dateOf(feedback.submittedAt()), 1, labels)));
    }
}
