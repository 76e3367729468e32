package io.complaintmonitor.audit;

/**
 * What became of the input's lines. Every non-blank line is read, and is then either rejected by
 * the JSON layer, ignored (dated after --as-of), or sent; a sent record may still be rejected by
 * the topology's contract checks.
 *
 * @param linesRead non-blank lines
 * @param recordsSent records sent through the topology (survey feedback and duplicates included)
 * @param rejectedLines lines rejected, by the JSON layer or by the topology (see rejected.jsonl)
 * @param ignoredAfterAsOf events dated after --as-of, not sent
 * @param surveyFeedback web form survey feedback sent: never a complaint (Code 1.6)
 */
public record InputCounts(long linesRead, long recordsSent, long rejectedLines, long ignoredAfterAsOf,
        long surveyFeedback) {
}
