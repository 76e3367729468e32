package io.complaintmonitor.lifecycle;

import io.complaintmonitor.domain.complaint.Alert;
import io.complaintmonitor.domain.complaint.ComplaintRules;
import io.complaintmonitor.domain.complaint.ComplaintState;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * The breach alerts whose breach still stands, in the {@code open-alerts} store keyed by alert id:
 * what on-call staff work through. An alert goes in when raised and comes out at the event that
 * ends it (the step done, or the stage's clock stopped); every alert, open or not, stays on
 * {@code complaints.alerts.v1}. Only open ones are kept, so the store is as large as the backlog,
 * not the history.
 */
final class OpenAlerts {

    private final KeyValueStore<String, Alert> store;
    private final ComplaintRules rules;

    OpenAlerts(KeyValueStore<String, Alert> store, ComplaintRules rules) {
        this.store = store;
        this.rules = rules;
    }

    /** A new alert: kept if its breach still stands now (a late event may already have ended it). */
    void raised(Alert alert, ComplaintState state) {
        if (rules.stillOpen(state, alert.stage(), alert.type())) {
            store.put(alert.alertId(), alert);
        }
    }

    /** After an event: takes out the complaint's alerts whose breach it ended. */
    void eventApplied(ComplaintState state) {
        for (ComplaintState.RaisedAlert raised : state.raised()) {
            if (!rules.stillOpen(state, raised.stage(), raised.type())) {
                store.delete(Alert.idOf(state.landlordId(), state.complaintRef(), raised.stage(), raised.type(),
                        raised.dueDate()));
            }
        }
    }
}
