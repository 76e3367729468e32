package io.complaintmonitor.ingest;

import java.util.Arrays;
import java.util.Optional;

/** The three systems that report complaint events, each with its own topic and record type. */
public enum Source {
    CRM("crm"),
    CONTRACTOR("contractor"),
    WEBFORM("webform");

    private final String label;

    Source(String label) {
        this.label = label;
    }

    /** The name used in JSON ({@code "source": "crm"}), HTTP paths and metric tags. */
    public String label() {
        return label;
    }

    public static Optional<Source> ofLabel(String label) {
        return Arrays.stream(values()).filter(s -> s.label.equals(label)).findFirst();
    }
}
