package io.complaintmonitor.ingest;

import io.complaintmonitor.config.Topics;
import io.complaintmonitor.serde.TopicSerdes;
import io.complaintmonitor.domain.complaint.ComplaintEvent;
import io.complaintmonitor.domain.complaint.ComplaintRules;
import io.complaintmonitor.domain.complaint.Source;
import io.complaintmonitor.schema.ContractorUpdateType;
import io.complaintmonitor.schema.CrmEventType;
import io.complaintmonitor.schema.WebFormType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Branched;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;

/**
 * Reads the three source topics, turns each record into the monitor's {@link ComplaintEvent} and
 * checks the contract. Rejected records go to the dead-letter topic as JSON with lineage headers
 * (records that cannot even be decoded are dead-lettered by the deserialization handler, as
 * bytes). Keys are read as raw bytes and not trusted: the lifecycle flow re-keys by complaint.
 */
public final class IngestTopology {

    public static final String RECEIVED_METRIC = "complaint.events.received";
    public static final String SURVEY_METRIC = "complaint.survey.feedback";

    private IngestTopology() {
    }

    /**
     * What ingest hands on: accepted events of all three sources, merged, and web form survey
     * feedback (never a complaint, counted apart); both still keyed as their producers keyed them.
     */
    public record Ingested(KStream<byte[], ComplaintEvent> events, KStream<byte[], SurveyFeedback> surveyFeedback) {
    }

    public static Ingested addTo(StreamsBuilder builder, Topics topics, TopicSerdes serdes,
            EventAdapters adapters, ComplaintRules rules, MeterRegistry meters, Clock clock) {
        Counter survey = Counter.builder(SURVEY_METRIC)
                .description("web form survey feedback received; never a complaint (Code 1.6)")
                .register(meters);
        var crm = source(builder, Source.CRM, topics, serdes.crm(),
                r -> Optional.of(adapters.fromCrm(r)),
                r -> unknown("type", r.getType() == CrmEventType.UNKNOWN), rules, meters, () -> { }, null, clock);
        var contractor = source(builder, Source.CONTRACTOR, topics, serdes.contractor(),
                r -> Optional.of(adapters.fromContractor(r)),
                r -> unknown("type", r.getType() == ContractorUpdateType.UNKNOWN), rules, meters, () -> { }, null,
                clock);
        var webform = source(builder, Source.WEBFORM, topics, serdes.webform(),
                adapters::fromWebForm,
                r -> unknown("formType", r.getFormType() == WebFormType.UNKNOWN), rules, meters, survey::increment,
                adapters::surveyOf, clock);
        KStream<byte[], ComplaintEvent> events = crm.events().merge(contractor.events(), Named.as("merge-crm-contractor"))
                .merge(webform.events(), Named.as("merge-sources"));
        return new Ingested(events, webform.surveyFeedback());
    }

    private static <V extends SpecificRecord> Ingested source(StreamsBuilder builder,
            Source source, Topics topics, Serde<V> serde, Function<V, Optional<ComplaintEvent>> adapter,
            Function<V, Optional<String>> unknownSymbol, ComplaintRules rules, MeterRegistry meters,
            Runnable notTracked, Function<V, Optional<SurveyFeedback>> surveyOf, Clock clock) {
        String label = source.label();
        Counter received = Counter.builder(RECEIVED_METRIC)
                .description("source records decoded, by source")
                .tag("source", label)
                .register(meters);
        KStream<byte[], Normalised> normalised = builder.stream(SourceTopics.topic(source, topics),
                        Consumed.with(Serdes.ByteArray(), serde).withName("source-" + label))
                .processValues(() -> new NormaliseProcessor<>(source, adapter, unknownSymbol, rules, meters,
                        received::increment, notTracked, surveyOf == null ? v -> Optional.empty() : surveyOf, clock),
                        Named.as("normalise-" + label));
        var split = normalised.split(Named.as("check-" + label + "-"))
                .branch((key, n) -> n.isAccepted(), Branched.as("accepted"));
        if (surveyOf != null) {
            split = split.branch((key, n) -> n.isSurvey(), Branched.as("survey"));
        }
        var branches = split.defaultBranch(Branched.as("rejected"));
        branches.get("check-" + label + "-rejected")
                .mapValues(IngestTopology::rejectedBytes, Named.as("rejected-" + label + "-as-json"))
                .to(topics.dlq(), Produced.with(Serdes.ByteArray(), Serdes.ByteArray()).withName("dlq-" + label));
        KStream<byte[], ComplaintEvent> events = branches.get("check-" + label + "-accepted")
                .mapValues(Normalised::event, Named.as("accepted-" + label));
        KStream<byte[], SurveyFeedback> surveys = surveyOf == null ? null
                : branches.get("check-" + label + "-survey").mapValues(Normalised::survey, Named.as("survey-" + label));
        return new Ingested(events, surveys);
    }

    private static byte[] rejectedBytes(Normalised normalised) {
        return normalised.rejectedRecord() == null ? null
                : normalised.rejectedRecord().getBytes(StandardCharsets.UTF_8);
    }

    private static Optional<String> unknown(String field, boolean isUnknown) {
        return isUnknown
                ? Optional.of(field + ": UNKNOWN is not a value this monitor knows (written with a newer schema?)")
                : Optional.empty();
    }
}
