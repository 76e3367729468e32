package io.complaintmonitor.domain.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The state is stored in RocksDB through a serde written elsewhere: keep it to types any plain
 * JSON or Avro mapping handles, so adding a field of another kind shows up here first.
 */
class ComplaintStateShapeTest {

    private static final Set<Type> SIMPLE = Set.of(String.class, int.class, long.class, boolean.class,
            Integer.class, Long.class, Boolean.class, Instant.class, LocalDate.class);

    @Test
    void shouldBeMadeOnlyOfSimpleTypesListsAndRecords() {
        List<String> offending = new ArrayList<>();
        check(ComplaintState.class, "ComplaintState", offending, new HashSet<>());

        assertThat(offending).isEmpty();
    }

    @Test
    void shouldBeImmutable() {
        Scenario s = new Scenario().received("2025-12-19 10:00").acknowledged(1, "2025-12-22 11:00");

        assertThatThrownBy(() -> s.state.stage1().contacts().add(Instant.EPOCH))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> s.state.seenEventIds().clear())
                .isInstanceOf(UnsupportedOperationException.class);
    }

    private static void check(Type type, String path, List<String> offending, Set<Type> seen) {
        if (SIMPLE.contains(type)) {
            return;
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            check(p.getActualTypeArguments()[0], path + "[]", offending, seen);
            return;
        }
        if (type instanceof Class<?> c && c.isEnum()) {
            return;
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            if (seen.add(c)) {
                for (RecordComponent component : c.getRecordComponents()) {
                    check(component.getGenericType(), path + "." + component.getName(), offending, seen);
                }
            }
            return;
        }
        offending.add(path + ": " + type.getTypeName());
    }
}
