package io.complaintmonitor.domain.complaint;

import java.util.Objects;

/** A complaint is one landlord's reference: the same reference at two landlords is two complaints. */
public record ComplaintKey(String landlordId, String complaintRef) {

    public ComplaintKey {
        Objects.requireNonNull(landlordId, "landlordId");
        Objects.requireNonNull(complaintRef, "complaintRef");
    }

    /** Written out: a record's generated equals goes through a method handle chain, and this is compared at every event. */
    @Override
    public boolean equals(Object o) {
        return o == this || o instanceof ComplaintKey k && landlordId.equals(k.landlordId)
                && complaintRef.equals(k.complaintRef);
    }

    @Override
    public int hashCode() {
        return 31 * landlordId.hashCode() + complaintRef.hashCode();
    }
}
