package io.complaintmonitor.domain.complaint;

import java.util.Objects;

/** A complaint is one landlord's reference: the same reference at two landlords is two complaints. */
public record ComplaintKey(String landlordId, String complaintRef) {

    public ComplaintKey {
        Objects.requireNonNull(landlordId, "landlordId");
        Objects.requireNonNull(complaintRef, "complaintRef");
    }
}
