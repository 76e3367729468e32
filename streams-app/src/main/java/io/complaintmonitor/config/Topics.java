package io.complaintmonitor.config;

import java.util.List;

/** Names of every topic the monitor reads or writes; topologies never spell a topic literally. */
public record Topics(
        String crm,
        String contractor,
        String webform,
        String alerts,
        String stats,
        String trends,
        String dlq,
        String heartbeat) {

    public static Topics defaults() {
        return new Topics("complaints.crm.v1", "complaints.contractor.v1", "complaints.webform.v1",
                "complaints.alerts.v1", "complaints.stats.v1", "complaints.trends.v1", "complaints.dlq.v1", "complaints.heartbeat.v1");
    }

    public List<String> sources() {
        return List.of(crm, contractor, webform);
    }

    public List<String> all() {
        return List.of(crm, contractor, webform, alerts, stats, trends, dlq, heartbeat);
    }
}
