package io.complaintmonitor.simulate;

import io.complaintmonitor.domain.LondonTime;
import io.complaintmonitor.domain.complaint.Source;
import io.complaintmonitor.schema.ContractorComplaintUpdate;
import io.complaintmonitor.schema.CrmCaseEvent;
import io.complaintmonitor.schema.WebFormSubmission;
import io.complaintmonitor.schema.WebFormType;
import io.complaintmonitor.simulate.ComplaintScript.Pending;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A landlord's complaints, simulated: the records its CRM, contractors and web form would send,
 * in time order, reproducible from the settings' seed. Pure: no Kafka, no files, no clock; the
 * sinks ({@code simulate.sink}) write what this yields.
 *
 * <p>Complaints arrive as a Poisson process per day, landlord and category: the landlord's homes
 * times {@link SimulationSettings#ratePer1000()} a year, split by {@link CategoryMix} (damp and
 * mould seasonal), multiplied in a spike's month. A {@value ComplaintScript#WEB_FORM_SHARE} share
 * comes through the web form on any day; the rest reach staff on working days. Survey feedback
 * arrives through the web form at {@value #SURVEYS_PER_1000} a year per 1,000 homes. Each
 * complaint then plays out as {@link ComplaintScript} draws it.
 *
 * <p>Events come out sorted by instant (stable: a complaint's events keep their order), lazily:
 * only the records not yet due are held, a few months' worth. Records are numbered per source in
 * that order ({@code crm-0000001}, {@code ctr-...}, {@code web-...}). Nothing at or after the start
 * of {@code to} comes out.
 */
public final class Simulation {

    public static final double SURVEYS_PER_1000 = 20.0;
    private static final long ARRIVALS = 1;
    private static final long COMPLAINT = 2;
    private static final long SURVEY = 3;
    private static final long BAD = 4;

    private Simulation() {
    }

    /** Every record of the simulation, in time order; lazy, so a long range costs little memory. */
    public static Stream<SimEvent> events(SimulationSettings settings) {
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(iterator(settings),
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    public static Iterator<SimEvent> iterator(SimulationSettings settings) {
        return new Events(new Generator(settings, true));
    }

    /** What was decided for each complaint, in the order they were received; lazy. */
    public static Stream<SimulatedComplaint> complaints(SimulationSettings settings) {
        Generator generator = new Generator(settings, false);
        Iterator<SimulatedComplaint> plans = new Iterator<>() {
            private final Deque<SimulatedComplaint> ready = new ArrayDeque<>();

            @Override
            public boolean hasNext() {
                while (ready.isEmpty() && generator.hasMoreDays()) {
                    ready.addAll(generator.nextDay());
                }
                return !ready.isEmpty();
            }

            @Override
            public SimulatedComplaint next() {
                if (!hasNext()) {
                    throw new NoSuchElementException();
                }
                return ready.removeFirst();
            }
        };
        return StreamSupport.stream(Spliterators.spliteratorUnknownSize(plans,
                Spliterator.ORDERED | Spliterator.NONNULL), false);
    }

    /** Draws day after day: the complaints made that day, and their records waiting to be released. */
    private static final class Generator {

        private final SimulationSettings settings;
        private final boolean keepRecords;
        private final List<String> landlordIds;
        /** Calendar days per working day in the range: staff-received complaints are packed into working days. */
        private final double workingDayBoost;
        private final PriorityQueue<Pending> pending = new PriorityQueue<>(
                Comparator.comparing(Pending::at).thenComparingLong(Pending::sequence));
        private LocalDate day;
        private long complaints;
        private long sequence;

        Generator(SimulationSettings settings, boolean keepRecords) {
            this.settings = settings;
            this.keepRecords = keepRecords;
            this.landlordIds = settings.landlordIds();
            this.day = settings.from();
            long days = ChronoUnit.DAYS.between(settings.from(), settings.to());
            long working = settings.from().datesUntil(settings.to()).filter(settings.calendar()::isWorkingDay).count();
            this.workingDayBoost = working == 0 ? 0 : (double) days / working;
        }

        boolean hasMoreDays() {
            return day.isBefore(settings.to());
        }

        /** The complaints made on the next day; their records join {@link #pending}. */
        List<SimulatedComplaint> nextDay() {
            LocalDate today = day;
            day = day.plusDays(1);
            long dayNumber = today.toEpochDay();
            boolean working = settings.calendar().isWorkingDay(today);
            List<SimulatedComplaint> made = new ArrayList<>();
            List<Pending> records = new ArrayList<>();
            for (int landlord = 0; landlord < landlordIds.size(); landlord++) {
                double perDay = settings.homesOf(landlord) * settings.ratePer1000() / 1000.0 / 365.25;
                Draw arrivals = Draw.of(settings.seed(), ARRIVALS, dayNumber * 1_000 + landlord);
                for (int c = 0; c < CategoryMix.CATEGORIES.size(); c++) {
                    String category = CategoryMix.CATEGORIES.get(c);
                    double mean = perDay * CategoryMix.share(c) * CategoryMix.seasonal(category, today)
                            * spike(category, today);
                    int viaWeb = arrivals.poisson(mean * ComplaintScript.WEB_FORM_SHARE);
                    int viaStaff = working ? arrivals.poisson(mean * (1 - ComplaintScript.WEB_FORM_SHARE) * workingDayBoost) : 0;
                    for (int k = 0; k < viaWeb + viaStaff; k++) {
                        long identity = ((dayNumber * 1_000 + landlord) * 16 + c) * 10_000 + k;
                        String ref = String.format("CMP-%07d", ++complaints);
                        int before = records.size();
                        made.add(ComplaintScript.play(settings, Draw.of(settings.seed(), COMPLAINT, identity), ref,
                                landlordIds.get(landlord), category, today, k < viaWeb, records, sequence));
                        sequence += records.size() - before;
                    }
                }
                if (keepRecords) {
                    surveys(today, landlord, records);
                }
            }
            if (keepRecords) {
                pending.addAll(records);
            }
            return made;
        }

        private void surveys(LocalDate today, int landlord, List<Pending> records) {
            Draw draw = Draw.of(settings.seed(), SURVEY, today.toEpochDay() * 1_000 + landlord);
            int n = draw.poisson(settings.homesOf(landlord) * SURVEYS_PER_1000 / 1000.0 / 365.25);
            for (int i = 0; i < n; i++) {
                Instant at = today.atTime(LocalTime.ofSecondOfDay(draw.between(7 * 3600, 23 * 3600 - 1)))
                        .atZone(LondonTime.ZONE).toInstant();
                records.add(new Pending(at, sequence++, Source.WEBFORM, WebFormSubmission.newBuilder()
                        .setSubmissionId("")
                        .setSubmittedAt(at)
                        .setFormType(WebFormType.SURVEY_FEEDBACK)
                        .setLandlordId(landlordIds.get(landlord))
                        .build()));
            }
        }

        private double spike(String category, LocalDate date) {
            double factor = 1.0;
            for (Incident incident : settings.incidents()) {
                if (incident instanceof Incident.Spike spike && spike.applies(category, date)) {
                    factor *= spike.factor();
                }
            }
            return factor;
        }

        /** The next record due before {@code until}, or null. */
        Pending poll(Instant until) {
            Pending next = pending.peek();
            if (next == null || !next.at().isBefore(until)) {
                return null;
            }
            return pending.poll();
        }
    }

    /** Releases records in time order, numbering them, and slips in the bad ones. */
    private static final class Events implements Iterator<SimEvent> {

        private final Generator generator;
        private final SimulationSettings settings;
        private final Instant end;
        private final Draw badDraw;
        private final double badChance;
        private final Deque<SimEvent> ready = new ArrayDeque<>();
        private long crmIds;
        private long contractorIds;
        private long webIds;
        private long badIds;
        private SimEvent lastComplaintEvent;

        Events(Generator generator) {
            this.generator = generator;
            this.settings = generator.settings;
            this.end = LondonTime.startOf(settings.to());
            this.badDraw = Draw.of(settings.seed(), BAD, 0);
            // One bad record after a good one with chance q makes q / (1 + q) of the output bad.
            this.badChance = settings.badRatio() / (1 - settings.badRatio());
        }

        @Override
        public boolean hasNext() {
            while (ready.isEmpty()) {
                Instant until;
                if (generator.hasMoreDays()) {
                    generator.nextDay();
                    // Nothing made later can happen before the start of the next day.
                    Instant nextDay = LondonTime.startOf(generator.day);
                    until = nextDay.isBefore(end) ? nextDay : end;
                } else {
                    until = end;
                }
                Pending next;
                while ((next = generator.poll(until)) != null) {
                    release(next);
                }
                if (ready.isEmpty() && !generator.hasMoreDays()) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public SimEvent next() {
            if (!hasNext()) {
                throw new NoSuchElementException();
            }
            return ready.removeFirst();
        }

        private void release(Pending pending) {
            SimEvent event = new SimEvent(pending.at(), pending.source(), withId(pending.record()), SimEvent.Defect.NONE);
            ready.add(event);
            if (event.complaintRef() != null) {
                lastComplaintEvent = event;
            }
            if (badChance > 0 && badDraw.chance(badChance) && lastComplaintEvent != null) {
                ready.add(BadRecords.make(badDraw, lastComplaintEvent, event.at(), ++badIds));
            }
        }

        private org.apache.avro.specific.SpecificRecord withId(org.apache.avro.specific.SpecificRecord record) {
            if (record instanceof CrmCaseEvent crm) {
                crm.setEventId(String.format("crm-%07d", ++crmIds));
            } else if (record instanceof ContractorComplaintUpdate update) {
                update.setUpdateId(String.format("ctr-%07d", ++contractorIds));
            } else {
                ((WebFormSubmission) record).setSubmissionId(String.format("web-%07d", ++webIds));
            }
            return record;
        }
    }
}
