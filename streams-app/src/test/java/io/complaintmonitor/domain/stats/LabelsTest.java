package io.complaintmonitor.domain.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Labels compare by all five values, and keep the hash they work out. */
class LabelsTest {

    private static final Labels DAMP = new Labels("landlord-1", "crm", "DAMP_MOULD", "contractor-a", "housing-north");

    @Test
    void shouldEqualLabelsOfTheSameValuesMadeApart() {
        Labels again = new Labels(new String("landlord-1"), new String("crm"), new String("DAMP_MOULD"),
                new String("contractor-a"), new String("housing-north"));

        assertThat(again).isEqualTo(DAMP).hasSameHashCodeAs(DAMP);
        assertThat(new Labels(null, null, null, null, null)).isEqualTo(Labels.NONE).hasSameHashCodeAs(Labels.NONE);
    }

    @Test
    void shouldDifferInAnyOneValue() {
        List<UnaryOperator<String>> changes = List.of(v -> v + "x", v -> null);
        for (UnaryOperator<String> change : changes) {
            List<Labels> others = List.of(
                    new Labels(change.apply(DAMP.landlordId()), DAMP.source(), DAMP.category(), DAMP.contractorId(),
                            DAMP.handlingTeam()),
                    new Labels(DAMP.landlordId(), change.apply(DAMP.source()), DAMP.category(), DAMP.contractorId(),
                            DAMP.handlingTeam()),
                    new Labels(DAMP.landlordId(), DAMP.source(), change.apply(DAMP.category()), DAMP.contractorId(),
                            DAMP.handlingTeam()),
                    new Labels(DAMP.landlordId(), DAMP.source(), DAMP.category(), change.apply(DAMP.contractorId()),
                            DAMP.handlingTeam()),
                    new Labels(DAMP.landlordId(), DAMP.source(), DAMP.category(), DAMP.contractorId(),
                            change.apply(DAMP.handlingTeam())));
            for (Labels other : others) {
                assertThat(other).isNotEqualTo(DAMP);
                assertThat(DAMP).isNotEqualTo(other);
            }
        }
    }

    @Test
    void shouldKeepTheSameHashWhenAskedAgain() {
        Labels labels = new Labels("landlord-1", null, "REPAIRS", null, "housing-south");
        int first = labels.hashCode();

        assertThat(labels.hashCode()).isEqualTo(first);
        assertThat(new Labels("landlord-1", null, "REPAIRS", null, "housing-south").hashCode()).isEqualTo(first);
    }

    @Test
    void shouldNameItsValues() {
        assertThat(DAMP.toString()).contains("landlordId=landlord-1", "category=DAMP_MOULD", "contractorId=contractor-a");
    }
}
