package io.complaintmonitor.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.Test;

class QuietCommitTest {

    private static final long T = 1_800_000_000_000L;
    private static final long QUIET = QuietCommit.QUIET.toMillis();

    private final QuietCommit quiet = new QuietCommit();
    private final MockProcessorContext<Object, Object> task = new MockProcessorContext<>();
    private final MockProcessorContext<Object, Object> otherTask = new MockProcessorContext<>();

    @Test
    void shouldAskForACommitOnceChecksQuietTimeApartHaveSeenNoNewWork() {
        quiet.worked();

        check(task, T);
        assertThat(task.committed()).as("the first check to see the work").isFalse();
        check(task, T + QUIET - 1);
        assertThat(task.committed()).as("still within the quiet time").isFalse();

        check(task, T + QUIET);
        assertThat(task.committed()).isTrue();
    }

    @Test
    void shouldNotAskBeforeAnyWork() {
        check(task, T);
        check(task, T + 10 * QUIET);

        assertThat(task.committed()).isFalse();
    }

    @Test
    void shouldNotAskWhileWorkGoesOnBetweenChecksHoweverFarApart() {
        // A long batch of records between two checks: busy, though the checks are far apart.
        for (int n = 0; n < 5; n++) {
            quiet.worked();
            check(task, T + n * 10 * QUIET);
        }

        assertThat(task.committed()).isFalse();
    }

    @Test
    void shouldAskOnceForOneStretchOfWorkAndAgainAfterMore() {
        quiet.worked();
        check(task, T);
        check(task, T + QUIET);
        task.resetCommit();

        check(task, T + 2 * QUIET);
        check(otherTask, T + 2 * QUIET);
        assertThat(task.committed() || otherTask.committed()).as("nothing done since the request").isFalse();

        quiet.worked();
        check(task, T + 3 * QUIET);
        check(task, T + 4 * QUIET);
        assertThat(task.committed()).isTrue();
    }

    @Test
    void shouldCountTheWorkOfEveryTaskOnTheThread() {
        quiet.worked();
        check(task, T);
        quiet.worked(); // another task on this thread
        check(otherTask, T + QUIET);
        assertThat(otherTask.committed()).as("the other task's work was new at this check").isFalse();

        check(task, T + 2 * QUIET);
        assertThat(task.committed()).as("one request commits every task of the thread").isTrue();
        check(otherTask, T + 3 * QUIET);
        assertThat(otherTask.committed()).as("already asked for on the thread's behalf").isFalse();
    }

    @Test
    void shouldJudgeEachStreamThreadApart() throws Exception {
        quiet.worked();
        check(task, T);
        MockProcessorContext<Object, Object> elsewhere = new MockProcessorContext<>();
        AtomicReference<Boolean> askedElsewhere = new AtomicReference<>();
        Thread other = new Thread(() -> {
            quiet.worked();
            check(elsewhere, T + QUIET);
            askedElsewhere.set(elsewhere.committed());
        });
        other.start();
        other.join();

        check(task, T + QUIET);
        assertThat(task.committed()).as("another thread's work does not hold this one back").isTrue();
        assertThat(askedElsewhere.get()).as("its first check saw its work as new").isFalse();
    }

    private void check(MockProcessorContext<Object, Object> context, long at) {
        context.setCurrentSystemTimeMs(at);
        quiet.check(context, at);
    }
}
