package io.complaintmonitor.ingest;

import java.time.Instant;

/**
 * A web form survey response: never a complaint (Code 1.6), so never tracked, but counted apart
 * in the figures. Its id, landlord, time and category only.
 */
public record SurveyFeedback(String submissionId, String landlordId, Instant submittedAt, String category) {
}
