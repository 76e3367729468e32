package io.complaintmonitor.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.complaintmonitor.domain.WorkingDayCalendar;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * A seeded year of complaint history as JSONL, and what an audit of it must find, counted from the
 * generator's own decisions: each complaint is planned as "acknowledged on working day k after
 * receipt", "answered r working days after the acknowledgement" and so on, so whether a step was
 * in time follows from k and r, never from the monitor's rules. The calendar is used only to turn
 * "working day k" into a date.
 *
 * <p>Receipts fall on working days of 2025; every event happens between 09:00 and 17:00 London
 * time on a working day; events dated after the audit's --as-of are in the file but must be
 * ignored. A few complaints are fixed rather than random, so tests can name the alerts they get.
 */
final class GeneratedHistory {

    static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final String[] CATEGORIES = {"REPAIRS", "DAMP_AND_MOULD", "ASB", "STAFF_CONDUCT", "COMMUNICATION",
        "ESTATE_SERVICES", "RENT_AND_CHARGES", "OTHER"};
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Via { CRM, CONTRACTOR, WEBFORM }

    /** What happens to stage 1 (and perhaps stage 2) of one complaint; -1 means "never". */
    static final class Plan {
        String ref;
        Via receivedVia;
        LocalDate received;
        String category;
        String team;
        /** Stage 1: withdrawn on working day w after receipt, nothing else happens. */
        int withdrawnDay = -1;
        /** Stage 1 acknowledged on working day k after receipt. */
        int ackDay = -1;
        Via ackVia = Via.CRM;
        String contractor;
        boolean definitionRecorded = true;
        /** Stage 1 answered r working days after the acknowledgement, or after receipt when never acknowledged. */
        int responseDay = -1;
        boolean closedAfterResponse;
        /** Stage 2 requested e working days after the stage 1 response. */
        int escalationDay = -1;
        Via escalatedVia = Via.CRM;
        int ack2Day = -1;
        int response2Day = -1;
        /** When the stage 1 acknowledgement happened, once the events are made. */
        Instant ackAt;
    }

    /** The audit's per-stage figures, as the generator counts them. */
    static final class Tally {
        long received;
        long acknowledged;
        long acknowledgedWithinTimescale;
        long responded;
        long respondedWithinTimescale;
        long open;
    }

    /** A line the audit must reject, with a fragment its reason must contain. */
    record BadLine(String json, String reasonContains, boolean rejectedByJsonLayer) {
    }

    private record Event(Instant at, String json) {
    }

    final WorkingDayCalendar calendar;
    final Instant asOf;
    final List<Plan> plans = new ArrayList<>();
    final List<String> lines = new ArrayList<>();
    /** Line number (from 1) of each bad line. */
    final Map<Long, BadLine> badLines = new LinkedHashMap<>();
    final Tally stage1 = new Tally();
    final Tally stage2 = new Tally();
    long ignoredAfterAsOf;
    long surveyFeedback;
    long blankLines;

    private final Random random;
    private final List<Event> events = new ArrayList<>();
    private long crmIds;
    private long contractorIds;
    private long webIds;

    private GeneratedHistory(long seed, WorkingDayCalendar calendar, Instant asOf) {
        this.random = new Random(seed);
        this.calendar = calendar;
        this.asOf = asOf;
    }

    /** {@code complaints} complaints, the first of them the fixed ones of {@link #fixed}. */
    static GeneratedHistory generate(long seed, int complaints, WorkingDayCalendar calendar, Instant asOf) {
        GeneratedHistory history = new GeneratedHistory(seed, calendar, asOf);
        history.plans.addAll(history.fixed());
        while (history.plans.size() < complaints) {
            history.plans.add(history.randomPlan(history.plans.size() + 1));
        }
        history.plans.forEach(history::addEvents);
        history.addSurveyFeedback();
        history.writeLines();
        history.plans.forEach(history::tally);
        return history;
    }

    long linesRead() {
        return lines.size() - blankLines;
    }

    long rejectedByJsonLayer() {
        return badLines.values().stream().filter(BadLine::rejectedByJsonLayer).count();
    }

    long recordsSent() {
        return linesRead() - rejectedByJsonLayer() - ignoredAfterAsOf;
    }

    Plan plan(int index) {
        return plans.get(index - 1);
    }

    /**
     * The fixed complaints, CMP-00001 to CMP-00007, all received by the CRM with team "team-fixed":
     * 1 never acknowledged, received 24 December 2025; 2 never acknowledged, received 29 December
     * 2025; 3 never acknowledged, received 10 March 2025; 4 acknowledged on day 2 without the
     * definition, answered 5 days later; 5 acknowledged on day 2 by contractor CON-FIXED, never
     * answered; 6 withdrawn on day 2; 7 answered in time, escalated, stage 2 never acknowledged.
     */
    private List<Plan> fixed() {
        List<Plan> fixed = new ArrayList<>();
        for (int i = 1; i <= 7; i++) {
            Plan plan = new Plan();
            plan.ref = ref(i);
            plan.receivedVia = Via.CRM;
            plan.category = "REPAIRS";
            plan.team = "team-fixed";
            fixed.add(plan);
        }
        fixed.get(0).received = LocalDate.of(2025, 12, 24);
        fixed.get(1).received = LocalDate.of(2025, 12, 29);
        fixed.get(2).received = LocalDate.of(2025, 3, 10);
        Plan noDefinition = fixed.get(3);
        noDefinition.received = LocalDate.of(2025, 4, 7);
        noDefinition.ackDay = 2;
        noDefinition.definitionRecorded = false;
        noDefinition.responseDay = 5;
        Plan contractor = fixed.get(4);
        contractor.received = LocalDate.of(2025, 5, 12);
        contractor.ackDay = 2;
        contractor.ackVia = Via.CONTRACTOR;
        contractor.contractor = "CON-FIXED";
        Plan withdrawn = fixed.get(5);
        withdrawn.received = LocalDate.of(2025, 6, 2);
        withdrawn.withdrawnDay = 2;
        Plan escalated = fixed.get(6);
        escalated.received = LocalDate.of(2025, 8, 18);
        escalated.ackDay = 1;
        escalated.responseDay = 2;
        escalated.escalationDay = 5;
        return fixed;
    }

    private Plan randomPlan(int index) {
        Plan plan = new Plan();
        plan.ref = ref(index);
        int via = random.nextInt(100);
        plan.receivedVia = via < 75 ? Via.CRM : via < 90 ? Via.WEBFORM : Via.CONTRACTOR;
        plan.received = randomWorkingDayOf2025();
        plan.category = CATEGORIES[random.nextInt(CATEGORIES.length)];
        plan.team = "team-" + random.nextInt(5);
        plan.contractor = "CON-" + random.nextInt(20);
        int scenario = random.nextInt(100);
        if (scenario < 3) {
            plan.withdrawnDay = between(1, 4);
        } else if (scenario < 8) {
            return plan; // never acknowledged, never answered
        } else if (scenario < 13) {
            plan.responseDay = between(2, 20); // answered without an acknowledgement
        } else {
            plan.ackDay = chance(75) ? between(1, 5) : between(6, 10);
            plan.ackVia = chance(20) ? Via.CONTRACTOR : Via.CRM;
            plan.definitionRecorded = chance(95);
            if (chance(90)) {
                plan.responseDay = chance(80) ? between(1, 10) : between(11, 16);
                plan.closedAfterResponse = chance(30);
                if (chance(12)) {
                    // At least 2 days after the response, so after any closure (1 day after it).
                    plan.escalationDay = between(2, 15);
                    plan.escalatedVia = chance(70) ? Via.CRM : Via.WEBFORM;
                    if (chance(90)) {
                        plan.ack2Day = chance(75) ? between(1, 5) : between(6, 8);
                        if (chance(90)) {
                            plan.response2Day = chance(80) ? between(1, 20) : between(21, 25);
                        }
                    }
                }
            }
        }
        return plan;
    }

    private void addEvents(Plan plan) {
        add(receipt(plan));
        if (plan.withdrawnDay > 0) {
            add(crm(plan, "WITHDRAWN", null, at(day(plan.received, plan.withdrawnDay))));
            return;
        }
        LocalDate ackDate = plan.ackDay > 0 ? day(plan.received, plan.ackDay) : null;
        if (ackDate != null) {
            plan.ackAt = at(ackDate);
            add(acknowledgement(plan, 1, plan.ackAt, plan.ackVia, plan.definitionRecorded));
        }
        if (plan.responseDay < 0) {
            return;
        }
        LocalDate responseDate = day(ackDate != null ? ackDate : plan.received, plan.responseDay);
        add(response(plan, 1, at(responseDate), plan.ackVia));
        if (plan.closedAfterResponse) {
            Instant closedAt = day(responseDate, 1).atTime(17, 30).atZone(LONDON).toInstant();
            add(crm(plan, "CLOSED", null, closedAt));
        }
        if (plan.escalationDay < 0) {
            return;
        }
        LocalDate escalated = day(responseDate, plan.escalationDay);
        add(plan.escalatedVia == Via.WEBFORM
                ? webform(plan, "ESCALATION", at(escalated), null)
                : crm(plan, "ESCALATION_REQUESTED", null, at(escalated)));
        if (plan.ack2Day < 0) {
            return;
        }
        LocalDate ack2 = day(escalated, plan.ack2Day);
        add(acknowledgement(plan, 2, at(ack2), Via.CRM, true));
        if (plan.response2Day > 0) {
            add(response(plan, 2, at(day(ack2, plan.response2Day)), Via.CRM));
        }
    }

    /** The generator's own count, of what happened at or before --as-of. */
    private void tally(Plan plan) {
        stage1.received++; // every receipt is in 2025, before --as-of
        if (plan.withdrawnDay > 0) {
            boolean withdrawn = seen(day(plan.received, plan.withdrawnDay));
            stage1.open += withdrawn ? 0 : 1;
            return;
        }
        LocalDate ackDate = plan.ackDay > 0 ? day(plan.received, plan.ackDay) : null;
        LocalDate responseDate = plan.responseDay < 0 ? null
                : day(ackDate != null ? ackDate : plan.received, plan.responseDay);
        boolean acknowledged = ackDate != null && seen(ackDate);
        boolean responded = responseDate != null && seen(responseDate);
        if (acknowledged) {
            stage1.acknowledged++;
            stage1.acknowledgedWithinTimescale += plan.ackDay <= 5 ? 1 : 0;
        } else if (ackDate == null && responded) {
            // Answered without an acknowledgement: acknowledged on the response date, and the
            // response is due 10 working days after the acknowledgement due date (day 5).
            stage1.acknowledged++;
            stage1.acknowledgedWithinTimescale += plan.responseDay <= 5 ? 1 : 0;
        }
        if (responded) {
            stage1.responded++;
            int limit = ackDate != null ? 10 : 15;
            stage1.respondedWithinTimescale += plan.responseDay <= limit ? 1 : 0;
        } else {
            stage1.open++;
        }
        if (plan.escalationDay < 0 || !seen(day(responseDate, plan.escalationDay))) {
            return;
        }
        LocalDate escalated = day(responseDate, plan.escalationDay);
        stage2.received++;
        LocalDate ack2 = plan.ack2Day > 0 ? day(escalated, plan.ack2Day) : null;
        if (ack2 != null && seen(ack2)) {
            stage2.acknowledged++;
            stage2.acknowledgedWithinTimescale += plan.ack2Day <= 5 ? 1 : 0;
        }
        LocalDate response2 = ack2 != null && plan.response2Day > 0 ? day(ack2, plan.response2Day) : null;
        if (response2 != null && seen(response2)) {
            stage2.responded++;
            stage2.respondedWithinTimescale += plan.response2Day <= 20 ? 1 : 0;
        } else {
            stage2.open++;
        }
    }

    /**
     * Whether the event planned on {@code date} happened by --as-of. Events fall between 09:00 and
     * 17:00 London time (a closure at 17:30) and --as-of is a midnight, so the date decides.
     */
    private boolean seen(LocalDate date) {
        return date.atStartOfDay(LONDON).toInstant().isBefore(asOf);
    }

    private void addSurveyFeedback() {
        for (int i = 0; i < 7; i++) {
            add(webform(null, "SURVEY_FEEDBACK", at(randomWorkingDayOf2025()), null));
        }
        add(webform(null, "SURVEY_FEEDBACK", asOf, null)); // exactly at --as-of: judged
        add(webform(null, "SURVEY_FEEDBACK", asOf.plusMillis(1), null)); // just after: ignored
    }

    /** Events in time order, as an export would give them; then the bad lines, a blank line and duplicates. */
    private void writeLines() {
        events.sort(Comparator.comparing(Event::at)); // stable: same-instant events keep their order
        for (Event event : events) {
            lines.add(event.json());
            if (event.at().isAfter(asOf)) {
                ignoredAfterAsOf++;
            }
            if (event.json().contains("\"SURVEY_FEEDBACK\"") && !event.at().isAfter(asOf)) {
                surveyFeedback++;
            }
        }
        // Redelivered events (not survey feedback, which is counted): the same ids again, later in
        // the file. Ignored by the rules, but sent.
        lines.stream().skip(100).filter(line -> !line.contains("\"SURVEY_FEEDBACK\"")).limit(3).toList()
                .forEach(lines::add);
        List<BadLine> bad = List.of(
                new BadLine("{\"source\":\"crm\",\"eventId\":\"bad-1\",\"complaintRef\":\"BAD-1\",\"type\":\"RECEIVED\"",
                        "invalid JSON at column", true),
                new BadLine("{\"source\":\"crm\",\"eventId\":\"bad-2\",\"complaintRef\":\"BAD-2\",\"type\":\"RECIEVED\","
                        + "\"occurredAt\":\"2025-03-03T10:00:00Z\"}", "type: unknown symbol \"RECIEVED\"", true),
                new BadLine("{\"source\":\"erp\",\"eventId\":\"bad-3\"}", "source: unknown source \"erp\"", true),
                new BadLine("{\"source\":\"webform\",\"submissionId\":\"bad-4\",\"submittedAt\":\"2025-03-03T10:00:00\","
                        + "\"formType\":\"COMPLAINT\",\"complaintRef\":\"BAD-4\"}",
                        "submittedAt: \"2025-03-03T10:00:00\" has no offset", true),
                new BadLine("{\"source\":\"contractor\",\"updateId\":\"bad-5\",\"complaintRef\":\"BAD-5\","
                        + "\"type\":\"ACKNOWLEDGED\",\"stage\":1,\"occurredAt\":\"2025-03-03T10:00:00Z\"}",
                        "contractorId: required field is missing", true),
                new BadLine("{\"source\":\"crm\",\"eventId\":\"bad-6\",\"complaintRef\":\"BAD-6\",\"type\":\"ACKNOWLEDGED\","
                        + "\"stage\":3,\"occurredAt\":\"2025-03-03T10:00:00Z\"}", "stage: stage must be 1 or 2, was 3", false),
                new BadLine("{\"source\":\"crm\",\"eventId\":\"bad-7\",\"complaintRef\":\"BAD-7\","
                        + "\"type\":\"RESPONSE_ISSUED\",\"occurredAt\":\"2025-03-03T10:00:00Z\"}",
                        "stage: stage (1 or 2) is required on RESPONSE_ISSUED", false),
                new BadLine("{\"source\":\"webform\",\"submissionId\":\"bad-8\",\"submittedAt\":\"2025-03-03T10:00:00Z\","
                        + "\"formType\":\"COMPLAINT\"}", "complaintRef: complaintRef is required", false),
                new BadLine("{\"source\":\"crm\",\"eventId\":\"bad-9\",\"complaintRef\":\"BAD-9\",\"type\":\"RECEIVED\","
                        + "\"occurredAt\":\"2017-06-01T10:00:00Z\"}",
                        "occurredAt: 2017-06-01 is outside the working-day calendar", false),
                new BadLine("{\"source\":\"crm\",\"eventId\":\"bad-10\",\"complaintRef\":\"BAD-10\","
                        + "\"type\":\"EXTENSION_AGREED\",\"stage\":1,\"occurredAt\":\"2025-03-03T10:00:00Z\","
                        + "\"newDueDate\":\"2025-03-01\"}", "newDueDate: newDueDate 2025-03-01 is before", false));
        // Spread through the file, from the end backwards so earlier positions stay put.
        for (int i = bad.size() - 1; i >= 0; i--) {
            lines.add(1 + i * (lines.size() / bad.size()), bad.get(i).json());
        }
        lines.add(5, "");
        blankLines = 1;
        for (int i = 0; i < lines.size(); i++) {
            for (BadLine b : bad) {
                if (lines.get(i).equals(b.json())) {
                    badLines.put((long) i + 1, b);
                }
            }
        }
    }

    private Event receipt(Plan plan) {
        Instant at = at(plan.received);
        return switch (plan.receivedVia) {
            case CRM -> crm(plan, "RECEIVED", null, at);
            case WEBFORM -> webform(plan, "COMPLAINT", at, plan.category);
            case CONTRACTOR -> contractor(plan, "RECEIVED", null, at);
        };
    }

    private Event acknowledgement(Plan plan, int stage, Instant at, Via via, boolean definitionRecorded) {
        Event event = via == Via.CONTRACTOR ? contractor(plan, "ACKNOWLEDGED", stage, at)
                : crm(plan, "ACKNOWLEDGED", stage, at);
        return with(event, "definitionRecorded", definitionRecorded);
    }

    private Event response(Plan plan, int stage, Instant at, Via via) {
        Event event = via == Via.CONTRACTOR ? contractor(plan, "RESPONSE_ISSUED", stage, at)
                : crm(plan, "RESPONSE_ISSUED", stage, at);
        return with(event, "outcome", "UPHELD");
    }

    private Event crm(Plan plan, String type, Integer stage, Instant at) {
        ObjectNode node = JSON.createObjectNode();
        node.put("source", "crm");
        node.put("eventId", "crm-" + ++crmIds);
        node.put("complaintRef", plan.ref);
        node.put("type", type);
        if (stage != null) {
            node.put("stage", stage);
        }
        node.put("occurredAt", instantText(at));
        if (type.equals("RECEIVED")) {
            node.put("category", plan.category);
            node.put("channel", "PHONE");
        }
        node.put("handlingTeam", plan.team);
        return new Event(at, text(node));
    }

    private Event contractor(Plan plan, String type, Integer stage, Instant at) {
        ObjectNode node = JSON.createObjectNode();
        node.put("source", "contractor");
        node.put("updateId", "ctr-" + ++contractorIds);
        node.put("contractorId", plan.contractor);
        node.put("complaintRef", plan.ref);
        node.put("type", type);
        if (stage != null) {
            node.put("stage", stage);
        }
        node.put("occurredAt", instantText(at));
        if (type.equals("RECEIVED")) {
            node.put("category", plan.category);
        }
        return new Event(at, text(node));
    }

    private Event webform(Plan plan, String formType, Instant at, String category) {
        ObjectNode node = JSON.createObjectNode();
        node.put("source", "webform");
        node.put("submissionId", "web-" + ++webIds);
        node.put("submittedAt", instantText(at));
        node.put("formType", formType);
        if (plan != null) {
            node.put("complaintRef", plan.ref);
        }
        if (category != null) {
            node.put("category", category);
        }
        return new Event(at, text(node));
    }

    private Event with(Event event, String field, Object value) {
        try {
            ObjectNode node = (ObjectNode) JSON.readTree(event.json());
            node.putPOJO(field, value);
            return new Event(event.at(), text(node));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void add(Event event) {
        events.add(event);
    }

    /** Half UTC with Z, half UK local time with its offset, as exports differ. */
    private String instantText(Instant at) {
        return random.nextBoolean() ? at.toString() : at.atZone(LONDON).toOffsetDateTime().toString();
    }

    /** A moment between 09:00 and 17:00 London time on {@code date}, to the second. */
    private Instant at(LocalDate date) {
        return date.atTime(LocalTime.of(9, 0).plusSeconds(random.nextInt(8 * 3600))).atZone(LONDON).toInstant();
    }

    private LocalDate day(LocalDate from, int workingDays) {
        return calendar.addWorkingDays(from, workingDays);
    }

    private LocalDate randomWorkingDayOf2025() {
        while (true) {
            LocalDate date = LocalDate.of(2025, 1, 1).plusDays(random.nextInt(365));
            if (calendar.isWorkingDay(date)) {
                return date;
            }
        }
    }

    private int between(int lowest, int highest) {
        return lowest + random.nextInt(highest - lowest + 1);
    }

    private boolean chance(int percent) {
        return random.nextInt(100) < percent;
    }

    private static String ref(int index) {
        return String.format("CMP-%05d", index);
    }

    private static String text(ObjectNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
