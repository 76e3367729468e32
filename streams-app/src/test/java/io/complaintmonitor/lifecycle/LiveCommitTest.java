package io.complaintmonitor.lifecycle;

import static io.complaintmonitor.lifecycle.ComplaintRecords.london;
import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.config.QuietCommit;
import io.complaintmonitor.domain.complaint.Alert;
import io.complaintmonitor.domain.complaint.ComplaintEvent;
import io.complaintmonitor.domain.complaint.EventType;
import io.complaintmonitor.domain.complaint.Source;
import io.complaintmonitor.testing.Punctuators;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.Test;

/**
 * Under exactly-once an alert is seen when its transaction commits. The commit interval is long
 * (for throughput while catching up), so the tracking task asks for a commit when it raises an
 * alert while live (a tick came lately), and when its thread has gone quiet after work.
 */
class LiveCommitTest {

    private static final long WALL = TrackingFixture.WALL;

    private final TrackingFixture tracking = new TrackingFixture();
    private final MockProcessorContext<String, Object> context = tracking.context;

    @Test
    void shouldAskForACommitWhenAnAlertIsRaisedWhileLive() {
        received("C-1", "2026-02-02 09:00");
        tick("2026-02-03 00:00");
        assertThat(alerts()).isZero();
        assertThat(context.committed()).as("a tick that raises nothing").isFalse();

        context.setCurrentSystemTimeMs(WALL + 1_000);
        tick("2026-02-10 00:00"); // past the acknowledgement's due date, 9 February

        assertThat(alerts()).isPositive();
        assertThat(context.committed()).isTrue();
    }

    @Test
    void shouldLeaveAlertsToTheCommitIntervalWhileCatchingUp() {
        received("C-1", "2026-02-02 09:00");
        assertThat(context.committed()).as("no tick yet: a backfill").isFalse();
        tick("2026-02-03 00:00");

        // No tick for a minute: the monitor is behind its inputs. A late receipt judged at once raises alerts.
        context.setCurrentSystemTimeMs(WALL + 60_000);
        received("C-2", "2026-01-05 09:00");

        assertThat(alerts()).isPositive();
        assertThat(context.committed()).isFalse();
    }

    @Test
    void shouldAskForACommitOnceTheThreadHasBeenQuietAfterAnEvent() {
        received("C-1", "2026-02-02 09:00");

        Punctuators.every(context, TrackingProcessor.BACKLOG_INTERVAL).punctuate(WALL);
        assertThat(context.committed()).as("the first look after the event").isFalse();
        Punctuators.every(context, TrackingProcessor.BACKLOG_INTERVAL).punctuate(WALL + QuietCommit.QUIET.toMillis());

        assertThat(context.committed()).isTrue();
    }


    private void received(String ref, String at) {
        tracking.send(ComplaintEvent.builder(Source.CRM, ref + "/1", EventType.RECEIVED).complaintRef(ref)
                .landlordId("L-1").occurredAt(london(at)).category("REPAIRS").handlingTeam("housing-north").build());
    }

    private void tick(String at) {
        tracking.tick(at);
    }

    private long alerts() {
        return context.forwarded().stream().filter(f -> f.record().value() instanceof Alert).count();
    }
}
