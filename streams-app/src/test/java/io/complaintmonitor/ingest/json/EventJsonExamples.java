package io.complaintmonitor.ingest.json;

/** One event per source with every schema field set, as written in docs/event-format.md. */
final class EventJsonExamples {

    static final String CRM_ALL_FIELDS = """
            {"source":"crm","eventId":"crm-000123","complaintRef":"CMP-2025-0042","type":"EXTENSION_AGREED",\
            "stage":1,"occurredAt":"2025-12-19T10:15:00Z","category":"DAMP_AND_MOULD","channel":"PHONE",\
            "definitionRecorded":true,"newDueDate":"2026-01-16","extensionReason":"SPECIALIST_SURVEY",\
            "updateIntervalWorkingDays":5,"outcome":"PARTLY_UPHELD","remedyAmountPence":15000,\
            "refusalReason":"OUTSIDE_TIME_LIMIT","handlingTeam":"repairs-north","reasonableAdjustments":true,\
            "landlordId":"riverside-homes"}""";

    static final String CONTRACTOR_ALL_FIELDS = """
            {"source":"contractor","updateId":"ctr-7781","contractorId":"acme-repairs","complaintRef":"CMP-2025-0042",\
            "landlordId":"riverside-homes","type":"RESPONSE_ISSUED","stage":2,"occurredAt":"2026-02-03T16:45:30.250Z",\
            "category":"REPAIRS","definitionRecorded":false,"newDueDate":"2026-02-27","extensionReason":"PARTS_ON_ORDER",\
            "updateIntervalWorkingDays":10,"outcome":"UPHELD"}""";

    static final String WEBFORM_ALL_FIELDS = """
            {"source":"webform","submissionId":"web-55012","submittedAt":"2025-12-20T08:02:11Z","formType":"COMPLAINT",\
            "complaintRef":"CMP-2025-0043","landlordId":"riverside-homes","category":"ASB","desiredOutcomeGiven":true,\
            "reasonableAdjustmentsRequested":false,"preferredContact":"TEXT"}""";

    /** A minimal valid CRM event, for tests that change one thing about it. */
    static final String CRM_RECEIVED = """
            {"source":"crm","eventId":"e1","complaintRef":"C1","type":"RECEIVED","occurredAt":"2025-12-19T10:15:00Z"}""";

    private EventJsonExamples() {
    }
}
