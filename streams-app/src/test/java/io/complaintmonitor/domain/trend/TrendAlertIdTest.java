package io.complaintmonitor.domain.trend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.complaintmonitor.domain.trend.TrendLatch.Decision;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TrendAlertIdTest {

    private static final LocalDate WEEK = LocalDate.of(2025, 1, 13);

    @Test
    void shouldGiveTheSameIdOnReplayAndAnotherForEachPart() {
        String id = TrendAlertId.of("LL1", TrendKind.VOLUME_SPIKE, "category", "DAMP_MOULD", WEEK, Decision.RAISE);

        assertThat(id).hasSize(36)
                .isEqualTo(TrendAlertId.of("LL1", TrendKind.VOLUME_SPIKE, "category", "DAMP_MOULD", WEEK, Decision.RAISE))
                .isNotEqualTo(TrendAlertId.of("LL1", TrendKind.VOLUME_SPIKE, "category", "DAMP_MOULD", WEEK,
                        Decision.RECOVER))
                .isNotEqualTo(TrendAlertId.of("LL1", TrendKind.VOLUME_SPIKE, "category", "DAMP_MOULD",
                        WEEK.plusWeeks(1), Decision.RAISE))
                .isNotEqualTo(TrendAlertId.of("LL1", TrendKind.COMPLIANCE_DROP, "category", "DAMP_MOULD", WEEK,
                        Decision.RAISE));
        // Length-prefixed parts: moving a separator between parts changes the id.
        assertThat(TrendAlertId.of("LL1", TrendKind.VOLUME_SPIKE, "a|b", "c", WEEK, Decision.RAISE))
                .isNotEqualTo(TrendAlertId.of("LL1", TrendKind.VOLUME_SPIKE, "a", "b|c", WEEK, Decision.RAISE));
    }

    @Test
    void shouldRefuseAnIdForNoDecision() {
        assertThatThrownBy(() -> TrendAlertId.of("LL1", TrendKind.VOLUME_SPIKE, "category", "DAMP_MOULD", WEEK,
                Decision.NONE)).isInstanceOf(IllegalArgumentException.class);
    }
}
