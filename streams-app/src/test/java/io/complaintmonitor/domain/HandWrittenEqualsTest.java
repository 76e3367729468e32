package io.complaintmonitor.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.complaintmonitor.domain.complaint.AlertType;
import io.complaintmonitor.domain.complaint.ComplaintKey;
import io.complaintmonitor.domain.complaint.ComplaintState;
import io.complaintmonitor.domain.complaint.Deadline;
import io.complaintmonitor.domain.stats.Labels;
import io.complaintmonitor.domain.stats.Step;
import io.complaintmonitor.domain.stats.StepMeasure;
import io.complaintmonitor.domain.stats.Tally;
import io.complaintmonitor.domain.stats.WindowKind;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The hot records write equals and hashCode out by hand (the generated ones are slow in busy hash
 * maps). Each must still tell apart two values that differ in any one component, and agree with
 * hashCode on equal values: a component left out of equals would merge different facts.
 * {@link Labels}, a class that keeps its hash, has its own {@code LabelsTest}.
 */
class HandWrittenEqualsTest {

    private static final Labels LABELS = new Labels("LL", "CRM", "REPAIRS", "CON-1", "TEAM-A");

    @Test
    void shouldTellApartValuesDifferingInAnyOneComponent() throws Exception {
        List<Record> samples = List.of(
                new ComplaintKey("LL", "C-1"),
                new Deadline(Instant.parse("2025-05-20T23:00:00Z"), AlertType.RESPONSE_OVERDUE, 1,
                        LocalDate.of(2025, 5, 20)),
                new ComplaintState.RaisedAlert(2, AlertType.ACKNOWLEDGEMENT_DUE_SOON, LocalDate.of(2025, 6, 2)),
                WindowKind.MONTH.windowOf(LocalDate.of(2025, 5, 9)),
                new Tally("stage1.received", LocalDate.of(2025, 5, 1), 1, LABELS),
                new StepMeasure(Step.STAGE1_RESPONSE, LABELS, LocalDate.of(2025, 5, 9), 6, true, 1,
                        LocalDate.of(2025, 5, 20), LocalDate.of(2025, 5, 22)));
        for (Record sample : samples) {
            RecordComponent[] components = sample.getClass().getRecordComponents();
            Object[] values = new Object[components.length];
            for (int i = 0; i < components.length; i++) {
                values[i] = components[i].getAccessor().invoke(sample);
            }
            Record copy = construct(sample, values);
            assertThat(copy).isEqualTo(sample).isNotSameAs(sample);
            assertThat(copy.hashCode()).isEqualTo(sample.hashCode());
            for (int i = 0; i < components.length; i++) {
                Object[] changed = values.clone();
                changed[i] = other(components[i].getType(), values[i]);
                Record variant = construct(sample, changed);
                assertThat(variant).as(sample.getClass().getSimpleName() + " differing in " + components[i].getName())
                        .isNotEqualTo(sample);
                assertThat(sample).isNotEqualTo(variant);
            }
        }
    }

    private static Record construct(Record sample, Object[] values) throws Exception {
        Class<?>[] types = Arrays.stream(sample.getClass().getRecordComponents()).map(RecordComponent::getType)
                .toArray(Class<?>[]::new);
        Constructor<?> canonical = sample.getClass().getDeclaredConstructor(types);
        return (Record) canonical.newInstance(values);
    }

    private static Object other(Class<?> type, Object value) {
        if (type == String.class) {
            return value == null ? "x" : value + "x";
        }
        if (type == LocalDate.class) {
            return value == null ? LocalDate.of(2025, 1, 1) : ((LocalDate) value).plusDays(1);
        }
        if (type == int.class) {
            return (int) value + 1;
        }
        if (type == long.class) {
            return (long) value + 1;
        }
        if (type == boolean.class) {
            return !(boolean) value;
        }
        if (type == Instant.class) {
            return ((Instant) value).plusMillis(1);
        }
        if (type == AlertType.class) {
            return value == AlertType.RESPONSE_OVERDUE ? AlertType.RESPONSE_DUE_SOON : AlertType.RESPONSE_OVERDUE;
        }
        if (type == WindowKind.class) {
            return value == WindowKind.MONTH ? WindowKind.QUARTER : WindowKind.MONTH;
        }
        if (type == Step.class) {
            return value == Step.STAGE1_RESPONSE ? Step.STAGE2_RESPONSE : Step.STAGE1_RESPONSE;
        }
        if (type == Labels.class) {
            return new Labels("LL2", "CRM", "REPAIRS", "CON-1", "TEAM-A");
        }
        throw new IllegalArgumentException("no other value for " + type);
    }
}
