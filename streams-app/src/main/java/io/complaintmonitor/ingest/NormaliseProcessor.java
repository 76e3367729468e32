package io.complaintmonitor.ingest;

import io.complaintmonitor.domain.complaint.ComplaintEvent;
import io.complaintmonitor.domain.complaint.ComplaintRules;
import io.complaintmonitor.domain.complaint.ContractViolation;
import io.complaintmonitor.domain.complaint.Source;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.ContextualFixedKeyProcessor;
import org.apache.kafka.streams.processor.api.FixedKeyRecord;
import org.apache.kafka.streams.processor.api.RecordMetadata;

/**
 * Turns one source's decoded records into the monitor's events and checks the contract. A record
 * that breaks it becomes a rejection carrying the lineage headers, the reason code (a metric
 * label) and the record as JSON; nothing is dropped silently. Records with no complaint to track
 * (survey feedback) are counted and forwarded as such, for the figures only.
 */
final class NormaliseProcessor<V extends SpecificRecord> extends ContextualFixedKeyProcessor<byte[], V, Normalised> {

    private final Source source;
    private final Function<V, Optional<ComplaintEvent>> adapter;
    private final Function<V, Optional<String>> unknownSymbol;
    private final ComplaintRules rules;
    private final MeterRegistry meters;
    private final Runnable received;
    private final Runnable notTracked;
    private final Function<V, Optional<SurveyFeedback>> surveyOf;
    private final Clock clock;

    NormaliseProcessor(Source source, Function<V, Optional<ComplaintEvent>> adapter,
            Function<V, Optional<String>> unknownSymbol, ComplaintRules rules, MeterRegistry meters,
            Runnable received, Runnable notTracked, Function<V, Optional<SurveyFeedback>> surveyOf, Clock clock) {
        this.source = source;
        this.adapter = adapter;
        this.unknownSymbol = unknownSymbol;
        this.rules = rules;
        this.meters = meters;
        this.received = received;
        this.notTracked = notTracked;
        this.surveyOf = surveyOf;
        this.clock = clock;
    }

    @Override
    public void process(FixedKeyRecord<byte[], V> record) {
        received.run();
        V value = record.value();
        if (value == null) {
            reject(record, "missing-value", "the record has no value (a tombstone)");
            return;
        }
        Optional<String> unknown = unknownSymbol.apply(value);
        if (unknown.isPresent()) {
            reject(record, "unknown-enum", unknown.get());
            return;
        }
        Optional<ComplaintEvent> event = adapter.apply(value);
        if (event.isEmpty()) {
            notTracked.run();
            surveyOf.apply(value).ifPresent(survey -> context().forward(record.withValue(Normalised.survey(survey))));
            return;
        }
        List<ContractViolation> violations = rules.violations(event.get());
        if (!violations.isEmpty()) {
            String reason = violations.get(0).reason().name().toLowerCase(Locale.ROOT).replace('_', '-');
            String detail = violations.stream().map(v -> v.field() + ": " + v.message())
                    .collect(Collectors.joining("; "));
            reject(record, reason, detail);
            return;
        }
        context().forward(record.withValue(Normalised.accepted(event.get())));
    }

    private void reject(FixedKeyRecord<byte[], V> record, String reason, String detail) {
        RecordMetadata where = context().recordMetadata().orElseThrow();
        DeadLetters.count(meters, source.label(), reason);
        var headers = DeadLetters.headers(record.headers(), where.topic(), where.partition(), where.offset(),
                reason, detail, clock.instant());
        String json = record.value() == null ? null : record.value().toString();
        context().forward(record.withValue(Normalised.rejected(reason, detail, json)).withHeaders(headers));
    }
}
