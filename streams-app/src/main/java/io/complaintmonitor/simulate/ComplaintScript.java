package io.complaintmonitor.simulate;

import io.complaintmonitor.domain.LondonTime;
import io.complaintmonitor.domain.WorkingDayCalendar;
import io.complaintmonitor.domain.complaint.Source;
import io.complaintmonitor.schema.ContactChannel;
import io.complaintmonitor.schema.ContractorComplaintUpdate;
import io.complaintmonitor.schema.ContractorUpdateType;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.CrmEventType;
import io.complaintmonitor.schema.PreferredContact;
import io.complaintmonitor.schema.ResponseOutcome;
import io.complaintmonitor.schema.WebFormSubmission;
import io.complaintmonitor.schema.WebFormType;
import io.complaintmonitor.simulate.SimulatedComplaint.Step;
import io.complaintmonitor.simulate.SimulatedComplaint.StepKind;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;

/**
 * One complaint's life, drawn step by step: receipt, then refusal, withdrawal or acknowledgement;
 * the response (perhaps after an extension and resident updates); closure; perhaps an escalation
 * and the same again at stage 2; perhaps the Ombudsman. Each step meets its timescale with the
 * handler's probability ({@link Handlers}); a step in time is drawn inside the timescale, one out
 * of time a few working days past it. Staff act between 09:00 and 17:00 London time on working
 * days, now and then until 19:30; residents use the web form at any hour. Ids are left empty:
 * {@link Simulation} numbers records in the order they are released.
 */
final class ComplaintScript {

    /** A record waiting to be released, with the order it was made in (ties keep that order). */
    record Pending(Instant at, long sequence, Source source, SpecificRecord record) {
    }

    static final double WEB_FORM_SHARE = 0.30;
    static final List<ContactChannel> OTHER_CHANNELS = List.of(ContactChannel.PHONE, ContactChannel.EMAIL,
            ContactChannel.LETTER, ContactChannel.IN_PERSON, ContactChannel.SOCIAL_MEDIA);
    static final List<Double> OTHER_CHANNEL_SHARES = List.of(0.45, 0.35, 0.06, 0.10, 0.04);
    static final double REFUSED = 0.04;
    static final double WITHDRAWN = 0.03;
    static final List<String> REFUSAL_REASONS = List.of("OUTSIDE_TIME_LIMIT", "PREVIOUSLY_CONSIDERED",
            "LEGAL_PROCEEDINGS", "NOT_A_COMPLAINT");
    static final List<Double> REFUSAL_SHARES = List.of(0.40, 0.25, 0.15, 0.20);
    static final List<ResponseOutcome> OUTCOMES = List.of(ResponseOutcome.UPHELD, ResponseOutcome.PARTLY_UPHELD,
            ResponseOutcome.NOT_UPHELD);
    static final List<Double> STAGE1_OUTCOME_SHARES = List.of(0.35, 0.25, 0.40);
    static final List<Double> STAGE2_OUTCOME_SHARES = List.of(0.25, 0.30, 0.45);
    /** Chance of escalation by stage 1 outcome (upheld, partly, not upheld): about 20 % overall. */
    static final List<Double> ESCALATION_BY_OUTCOME = List.of(0.08, 0.20, 0.30);
    static final double ESCALATION_IF_LATE = 0.05;
    static final List<String> EXTENSION_REASONS = List.of("SPECIALIST_SURVEY", "CONTRACTOR_AVAILABILITY",
            "AWAITING_INFORMATION", "COMPLEX_CASE");

    private final SimulationSettings settings;
    private final WorkingDayCalendar calendar;
    private final Draw draw;
    private final List<Pending> out;
    private final String ref;
    private final String landlordId;
    private final String category;
    private final String team;
    private long sequence;
    /** The last event's time: every next one is later, so a complaint's events are in order. */
    private Instant last = Instant.MIN;

    private ComplaintScript(SimulationSettings settings, Draw draw, String ref, String landlordId, String category,
            List<Pending> out, long firstSequence) {
        this.settings = settings;
        this.calendar = settings.calendar();
        this.draw = draw;
        this.ref = ref;
        this.landlordId = landlordId;
        this.category = category;
        this.team = CategoryMix.TEAMS.get(CategoryMix.CATEGORIES.indexOf(category));
        this.out = out;
        this.sequence = firstSequence;
    }

    /**
     * Draws one complaint made on {@code day} (a working day unless {@code viaWebForm}), adding its
     * records to {@code out}; sequences start at {@code firstSequence}, one per record.
     */
    static SimulatedComplaint play(SimulationSettings settings, Draw draw, String ref, String landlordId,
            String category, LocalDate day, boolean viaWebForm, List<Pending> out, long firstSequence) {
        return new ComplaintScript(settings, draw, ref, landlordId, category, out, firstSequence).play(day, viaWebForm);
    }

    private SimulatedComplaint play(LocalDate day, boolean viaWebForm) {
        int categoryIndex = CategoryMix.CATEGORIES.indexOf(category);
        String contractor = draw.chance(CategoryMix.CONTRACTED.get(categoryIndex))
                ? draw.pick(Handlers.CONTRACTORS, Handlers.CONTRACTOR_SHARES) : null;
        ContactChannel channel = viaWebForm ? ContactChannel.WEB_FORM
                : draw.pick(OTHER_CHANNELS, OTHER_CHANNEL_SHARES);
        LocalDate receivedOn = receive(day, channel, contractor);
        List<Step> steps = new ArrayList<>();
        String handler1 = contractor != null ? contractor : team;
        double onTime = onTime(handler1, contractor != null, receivedOn);

        if (draw.chance(REFUSED)) {
            String reason = draw.pick(REFUSAL_REASONS, REFUSAL_SHARES);
            emit(Source.CRM, crm(CrmEventType.REFUSED, null, staffTime(calendar.addWorkingDays(receivedOn, draw.between(1, 5))))
                    .setRefusalReason(reason).build());
            return new SimulatedComplaint(ref, landlordId, category, receivedOn, channel.name(), team, contractor,
                    reason, false, null, false, steps);
        }
        boolean withdraws = draw.chance(WITHDRAWN);
        Step ack = acknowledge(1, StepKind.STAGE1_ACKNOWLEDGEMENT, receivedOn, handler1, contractor, onTime);
        steps.add(ack);
        if (withdraws) {
            emit(Source.CRM, crm(CrmEventType.WITHDRAWN, null,
                    staffTime(calendar.addWorkingDays(ack.done(), draw.between(1, 6)))).build());
            return new SimulatedComplaint(ref, landlordId, category, receivedOn, channel.name(), team, contractor,
                    null, true, null, false, steps);
        }
        ResponseOutcome outcome1 = draw.pick(OUTCOMES, STAGE1_OUTCOME_SHARES);
        double extensionChance = category.equals("REPAIRS") || category.equals("DAMP_AND_MOULD") ? 0.20 : 0.10;
        Step response = respond(1, StepKind.STAGE1_RESPONSE, ack.done(), 10, handler1, contractor, onTime,
                extensionChance, outcome1);
        steps.add(response);
        if (draw.chance(0.75)) {
            emit(Source.CRM, crm(CrmEventType.CLOSED, 1,
                    staffTime(calendar.addWorkingDays(response.done(), draw.between(0, 2)))).build());
        }
        double escalation = ESCALATION_BY_OUTCOME.get(OUTCOMES.indexOf(outcome1))
                + (response.withinTimescale() ? 0 : ESCALATION_IF_LATE);
        boolean escalated = draw.chance(escalation);
        if (escalated) {
            escalate(response.done(), steps);
        }
        return new SimulatedComplaint(ref, landlordId, category, receivedOn, channel.name(), team, contractor,
                null, false, outcome1.name(), escalated, steps);
    }

    /** The receipt records; the London date of the earliest. */
    private LocalDate receive(LocalDate day, ContactChannel channel, String contractor) {
        Instant first;
        if (channel == ContactChannel.WEB_FORM) {
            first = anyTime(day);
            emit(Source.WEBFORM, WebFormSubmission.newBuilder()
                    .setSubmissionId("")
                    .setSubmittedAt(first)
                    .setFormType(WebFormType.COMPLAINT)
                    .setComplaintRef(ref)
                    .setLandlordId(landlordId)
                    .setCategory(category)
                    .setDesiredOutcomeGiven(draw.chance(0.85))
                    .setReasonableAdjustmentsRequested(draw.chance(0.08))
                    .setPreferredContact(draw.pick(List.of(PreferredContact.EMAIL, PreferredContact.PHONE,
                            PreferredContact.TEXT, PreferredContact.LETTER), List.of(0.5, 0.25, 0.2, 0.05)))
                    .build());
            // Logged in the CRM at the next staff moment: later the same day, or the next working day.
            LocalDate logged = calendar.isWorkingDay(day) && LondonTime.dateOf(first).equals(day)
                    && first.isBefore(day.atTime(16, 0).atZone(LondonTime.ZONE).toInstant())
                    ? day : calendar.addWorkingDays(day, 1);
            emit(Source.CRM, received(staffTime(logged), channel));
        } else if (contractor != null && channel == ContactChannel.IN_PERSON) {
            // Told to an operative on site: the contractor reports it, the CRM records it a day or two later.
            first = staffTime(day);
            emit(Source.CONTRACTOR, contractor(contractor, ContractorUpdateType.RECEIVED, null, first)
                    .setCategory(category).build());
            emit(Source.CRM, received(staffTime(calendar.addWorkingDays(day, draw.between(1, 2))), channel));
        } else {
            first = staffTime(day);
            emit(Source.CRM, received(first, channel));
        }
        return LondonTime.dateOf(first);
    }

    private CrmCaseEvent received(Instant at, ContactChannel channel) {
        return crm(CrmEventType.RECEIVED, null, at)
                .setCategory(category)
                .setChannel(channel)
                .setReasonableAdjustments(draw.chance(0.08))
                .build();
    }

    /** An acknowledgement k working days after {@code from}: k from 1 to 5 when in time, 6 or more when not. */
    private Step acknowledge(int stage, StepKind kind, LocalDate from, String handler, String contractor,
            double onTime) {
        LocalDate due = calendar.addWorkingDays(from, 5);
        boolean inTime = draw.chance(Math.min(0.99, onTime + Handlers.ACK_BONUS));
        int k = inTime ? 1 + draw.weighted(List.of(0.30, 0.30, 0.20, 0.12, 0.08)) : 6 + Math.min(14, draw.geometric(0.35));
        Instant at = staffTime(calendar.addWorkingDays(from, k));
        boolean definition = draw.chance(onTime >= 0.85 ? 0.97 : 0.90);
        if (contractor != null && stage == 1) {
            emit(Source.CONTRACTOR, contractor(contractor, ContractorUpdateType.ACKNOWLEDGED, stage, at)
                    .setDefinitionRecorded(definition).build());
        } else {
            emit(Source.CRM, crm(CrmEventType.ACKNOWLEDGED, stage, at).setDefinitionRecorded(definition).build());
        }
        LocalDate done = LondonTime.dateOf(at);
        return new Step(kind, handler, due, done, !done.isAfter(due), false);
    }

    /**
     * The response to a stage acknowledged on {@code acknowledged}, due {@code days} working days
     * later, perhaps extended (by up to {@code days} more, the Code's limit, now and then beyond
     * it) with resident updates at the agreed interval.
     */
    private Step respond(int stage, StepKind kind, LocalDate acknowledged, int days, String handler,
            String contractor, double onTime, double extensionChance, ResponseOutcome outcome) {
        LocalDate due = calendar.addWorkingDays(acknowledged, days);
        LocalDate limit = calendar.addWorkingDays(due, days);
        boolean inTime = draw.chance(onTime);
        LocalDate inForce = due;
        LocalDate respondBy;
        boolean extended = draw.chance(extensionChance);
        LocalDate lastContact = acknowledged;
        Integer interval = null;
        if (extended) {
            // Agreed in the second half of the timescale; one in twenty after the due date (too late to move it).
            boolean tooLate = draw.chance(0.05);
            LocalDate agreed = tooLate ? calendar.addWorkingDays(due, 1)
                    : calendar.addWorkingDays(acknowledged, draw.between(days / 2, days));
            int by = draw.chance(0.06) ? days + draw.between(1, 3) : draw.between(1, days);
            LocalDate newDue = calendar.addWorkingDays(due, by);
            if (draw.chance(0.6)) {
                interval = draw.pick(List.of(5, 3, 10), List.of(0.6, 0.2, 0.2));
            }
            Instant at = staffTime(agreed);
            if (contractor != null && stage == 1) {
                emit(Source.CONTRACTOR, contractor(contractor, ContractorUpdateType.EXTENSION_AGREED, stage, at)
                        .setNewDueDate(newDue).setExtensionReason(draw.pick(EXTENSION_REASONS, List.of(0.3, 0.3, 0.2, 0.2)))
                        .setUpdateIntervalWorkingDays(interval).build());
            } else {
                emit(Source.CRM, crm(CrmEventType.EXTENSION_AGREED, stage, at)
                        .setNewDueDate(newDue).setExtensionReason(draw.pick(EXTENSION_REASONS, List.of(0.3, 0.3, 0.2, 0.2)))
                        .setUpdateIntervalWorkingDays(interval).build());
            }
            lastContact = LondonTime.dateOf(at);
            if (!tooLate) {
                inForce = newDue.isAfter(limit) ? limit : newDue;
            }
            respondBy = inTime ? pickBetween(lastContact, newDue) : late(newDue, days);
        } else {
            respondBy = inTime ? pickBetween(acknowledged, due) : late(due, days);
        }
        if (!respondBy.isAfter(lastContact)) {
            respondBy = calendar.addWorkingDays(lastContact, 1);
        }
        updates(stage, contractor, lastContact, respondBy, interval, onTime);
        Instant at = staffTime(respondBy);
        if (contractor != null && stage == 1) {
            // A contractor's update has no remedy field: remedies are offered on in-house responses.
            emit(Source.CONTRACTOR, contractor(contractor, ContractorUpdateType.RESPONSE_ISSUED, stage, at)
                    .setOutcome(outcome).build());
        } else {
            emit(Source.CRM, crm(CrmEventType.RESPONSE_ISSUED, stage, at).setOutcome(outcome)
                    .setRemedyAmountPence(remedy(stage, outcome)).build());
        }
        LocalDate done = LondonTime.dateOf(at);
        return new Step(kind, handler, inForce, done, !done.isAfter(inForce), extended);
    }

    /**
     * Resident updates between the last contact and the response: every {@code interval} working
     * days when one was agreed (kept by reliable handlers, a few days late by the others), and
     * otherwise now and then one anyway.
     */
    private void updates(int stage, String contractor, LocalDate from, LocalDate respondBy, Integer interval,
            double onTime) {
        List<LocalDate> dates = new ArrayList<>();
        if (interval != null) {
            boolean keepsUp = draw.chance(onTime);
            LocalDate next = calendar.addWorkingDays(from, keepsUp ? interval : interval + draw.between(1, 3));
            while (next.isBefore(respondBy)) {
                dates.add(next);
                next = calendar.addWorkingDays(next, keepsUp ? interval : interval + draw.between(0, 2));
            }
        } else if (draw.chance(0.10) && calendar.workingDaysBetween(from, respondBy) >= 3) {
            dates.add(calendar.addWorkingDays(from, draw.between(1, calendar.workingDaysBetween(from, respondBy) - 1)));
        }
        for (LocalDate date : dates) {
            Instant at = staffTime(date);
            if (contractor != null && stage == 1) {
                emit(Source.CONTRACTOR, contractor(contractor, ContractorUpdateType.RESIDENT_UPDATED, stage, at).build());
            } else {
                emit(Source.CRM, crm(CrmEventType.RESIDENT_UPDATED, stage, at).build());
            }
        }
    }

    /** Stage 2: requested after the stage 1 response, handled in house; perhaps the Ombudsman after. */
    private void escalate(LocalDate respondedOn, List<Step> steps) {
        LocalDate requested = calendar.addWorkingDays(respondedOn, 1 + Math.min(39, draw.geometric(0.15)));
        Instant at = staffTime(requested);
        if (draw.chance(0.35)) {
            at = anyTime(requested);
            emit(Source.WEBFORM, WebFormSubmission.newBuilder()
                    .setSubmissionId("")
                    .setSubmittedAt(at)
                    .setFormType(WebFormType.ESCALATION)
                    .setComplaintRef(ref)
                    .setLandlordId(landlordId)
                    .setCategory(category)
                    .setDesiredOutcomeGiven(draw.chance(0.9))
                    .build());
        } else {
            emit(Source.CRM, crm(CrmEventType.ESCALATION_REQUESTED, 2, at).build());
        }
        LocalDate requestedOn = LondonTime.dateOf(at);
        String handler = Handlers.STAGE2_TEAM;
        double onTime = Handlers.TEAM_ON_TIME.get(handler);
        Step ack = acknowledge(2, StepKind.STAGE2_ACKNOWLEDGEMENT, requestedOn, handler, null, onTime);
        steps.add(ack);
        ResponseOutcome outcome = draw.pick(OUTCOMES, STAGE2_OUTCOME_SHARES);
        Step response = respond(2, StepKind.STAGE2_RESPONSE, ack.done(), 20, handler, null, onTime, 0.15, outcome);
        steps.add(response);
        if (draw.chance(0.8)) {
            emit(Source.CRM, crm(CrmEventType.CLOSED, 2,
                    staffTime(calendar.addWorkingDays(response.done(), draw.between(0, 2)))).build());
        }
        if (draw.chance(0.10)) {
            LocalDate referred = calendar.addWorkingDays(response.done(), draw.between(20, 60));
            emit(Source.CRM, crm(CrmEventType.OMBUDSMAN_REFERRED, null, staffTime(referred)).build());
            if (draw.chance(0.5)) {
                emit(Source.CRM, crm(CrmEventType.OMBUDSMAN_DETERMINED, null,
                        staffTime(calendar.addWorkingDays(referred, draw.between(60, 120)))).build());
            }
        }
    }

    /** A financial remedy in pence for an upheld or partly upheld response, or null. */
    private Long remedy(int stage, ResponseOutcome outcome) {
        double chance = outcome == ResponseOutcome.UPHELD ? 0.75 : outcome == ResponseOutcome.PARTLY_UPHELD ? 0.55 : 0;
        if (!draw.chance(chance)) {
            return null;
        }
        double pounds = Math.exp(Math.log(150) + 0.9 * draw.gaussian())
                * (category.equals("DAMP_AND_MOULD") ? 1.8 : 1.0) * (stage == 2 ? 1.5 : 1.0);
        long rounded = Math.max(25, Math.min(20_000, Math.round(pounds / 5) * 5));
        return rounded * 100;
    }

    /** The probability that {@code handler} meets a timescale on a complaint received on {@code receivedOn}. */
    private double onTime(String handler, boolean isContractor, LocalDate receivedOn) {
        for (Incident incident : settings.incidents()) {
            if (incident instanceof Incident.Collapse collapse && collapse.applies(handler, receivedOn)) {
                return collapse.share();
            }
        }
        return isContractor ? Handlers.CONTRACTOR_ON_TIME.get(handler) : Handlers.TEAM_ON_TIME.get(handler);
    }

    /** A working day after {@code after} and on or before {@code by}, the later ones likelier. */
    private LocalDate pickBetween(LocalDate after, LocalDate by) {
        int span = calendar.workingDaysBetween(after, by);
        if (span <= 1) {
            return calendar.addWorkingDays(after, 1);
        }
        int k = 1 + (int) Math.floor((span) * Math.sqrt(draw.uniform()));
        return calendar.addWorkingDays(after, Math.min(span, k));
    }

    /** A day past {@code due}: one to a few working days, now and then more. */
    private LocalDate late(LocalDate due, int days) {
        return calendar.addWorkingDays(due, 1 + Math.min(days, draw.geometric(0.3)));
    }

    /** A staff moment on {@code date}: 09:00 to 17:00 London time, one in twenty until 19:30; after the last event. */
    private Instant staffTime(LocalDate date) {
        int start = 9 * 3600;
        int seconds = draw.chance(0.05) ? 17 * 3600 + draw.between(0, 150 * 60) : start + draw.between(0, 8 * 3600 - 1);
        return after(date, seconds);
    }

    /** A resident's moment on {@code date}: any hour, mostly 07:00 to 23:00. */
    private Instant anyTime(LocalDate date) {
        int seconds = draw.chance(0.9) ? 7 * 3600 + draw.between(0, 16 * 3600 - 1) : draw.between(0, 24 * 3600 - 1);
        return after(date, seconds);
    }

    /** That moment, or a few minutes after the complaint's last event if that was later. */
    private Instant after(LocalDate date, int secondOfDay) {
        Instant at = date.atTime(LocalTime.ofSecondOfDay(secondOfDay)).atZone(LondonTime.ZONE).toInstant();
        if (!at.isAfter(last)) {
            at = last.plusSeconds(60L * draw.between(2, 30));
        }
        last = at;
        return at;
    }

    private CrmCaseEvent.Builder crm(CrmEventType type, Integer stage, Instant at) {
        return CrmCaseEvent.newBuilder()
                .setEventId("")
                .setComplaintRef(ref)
                .setType(type)
                .setStage(stage)
                .setOccurredAt(at)
                .setHandlingTeam(stage != null && stage == 2 ? Handlers.STAGE2_TEAM : team)
                .setLandlordId(landlordId);
    }

    private ContractorComplaintUpdate.Builder contractor(String contractorId, ContractorUpdateType type, Integer stage,
            Instant at) {
        return ContractorComplaintUpdate.newBuilder()
                .setUpdateId("")
                .setContractorId(contractorId)
                .setComplaintRef(ref)
                .setLandlordId(landlordId)
                .setType(type)
                .setStage(stage)
                .setOccurredAt(at);
    }

    private void emit(Source source, SpecificRecord record) {
        Instant at = record instanceof CrmCaseEvent crm ? crm.getOccurredAt()
                : record instanceof ContractorComplaintUpdate update ? update.getOccurredAt()
                : ((WebFormSubmission) record).getSubmittedAt();
        out.add(new Pending(at, sequence++, source, record));
    }
}
