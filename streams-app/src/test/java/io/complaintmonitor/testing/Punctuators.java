package io.complaintmonitor.testing;

import java.time.Duration;
import org.apache.kafka.streams.processor.Punctuator;
import org.apache.kafka.streams.processor.api.MockProcessorContext;

/** The punctuators a processor scheduled on a {@link MockProcessorContext}, to run them by hand. */
public final class Punctuators {

    private Punctuators() {
    }

    /** The punctuator scheduled every {@code interval}; fails if there is none. */
    public static Punctuator every(MockProcessorContext<?, ?> context, Duration interval) {
        return context.scheduledPunctuators().stream()
                .filter(p -> p.getInterval().equals(interval))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no punctuator scheduled every " + interval))
                .getPunctuator();
    }
}
