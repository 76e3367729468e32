package io.complaintmonitor.registry;

import java.util.ArrayList;
import java.util.List;

/** A {@link SchemaLog} in a list, for registry tests without a broker; can be told to fail appends. */
public final class InMemorySchemaLog implements SchemaLog {

    private final List<StoredSchema> entries = new ArrayList<>();
    private int failuresToInject;

    @Override
    public synchronized List<StoredSchema> replay() {
        return List.copyOf(entries);
    }

    @Override
    public synchronized void append(StoredSchema entry) {
        if (failuresToInject > 0) {
            failuresToInject--;
            throw new SchemaLogException("injected failure");
        }
        entries.add(entry);
    }

    /** The next {@code count} appends throw, as a broker that is down would. */
    public synchronized void failNextAppends(int count) {
        failuresToInject = count;
    }

    public synchronized List<StoredSchema> entries() {
        return List.copyOf(entries);
    }

    @Override
    public void close() {
    }
}
