package io.complaintmonitor.domain.complaint;

/** One open stage of one complaint and its standing at some instant. */
public record OpenStage(int stage, OpenStatus status) {
}
