package io.complaintmonitor.lifecycle;

import io.complaintmonitor.domain.complaint.ComplaintKey;
import io.complaintmonitor.domain.complaint.Deadline;
import java.time.Instant;

/**
 * String keys for the stores and the repartition topic. A complaint key is "landlord␟reference"
 * (the ASCII unit separator cannot appear in either); a schedule key starts with the zero-padded
 * epoch milliseconds of when it is due, so the store's byte order is time order.
 */
final class ComplaintKeys {

    static final char SEPARATOR = '\u001f';

    private ComplaintKeys() {
    }

    static String of(ComplaintKey key) {
        return key.landlordId() + SEPARATOR + key.complaintRef();
    }

    /** The complaint reference of a complaint key. */
    static String refOf(String complaintKey) {
        return complaintKey.substring(complaintKey.indexOf(SEPARATOR) + 1);
    }

    /** A complaint's one schedule entry: due at its earliest pending deadline. */
    static String wake(Instant at, String complaintKey) {
        return timePrefix(at) + SEPARATOR + complaintKey;
    }

    /** An entry of a value stored before, when a complaint had one per deadline. */
    static String schedule(Deadline deadline, String complaintKey) {
        return timePrefix(deadline.at()) + SEPARATOR + complaintKey + SEPARATOR + deadline.type() + SEPARATOR
                + deadline.stage() + SEPARATOR + deadline.dueDate();
    }

    /**
     * A schedule entry due at once, at the first tick: a complaint tracked before the task's clock
     * started is counted against no clock, and must be counted again when the clock starts.
     */
    static String recount(String complaintKey) {
        return timePrefix(Instant.EPOCH) + SEPARATOR + complaintKey + SEPARATOR + RECOUNT;
    }

    static boolean isRecount(String scheduleKey) {
        return scheduleKey.endsWith(SEPARATOR + RECOUNT);
    }

    private static final String RECOUNT = "RECOUNT";

    /** The smallest schedule key after every deadline at or before {@code at}. */
    static String scheduleUpperBound(Instant at) {
        return timePrefix(at) + SEPARATOR + '\uffff';
    }

    private static String timePrefix(Instant at) {
        // Offset keeps instants before 1970 positive; 19 digits cover every long.
        String digits = Long.toString(at.toEpochMilli() - Long.MIN_VALUE / 2);
        return "0".repeat(19 - digits.length()) + digits;
    }
}
