package io.complaintmonitor.http;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KeyQueryMetadata;
import org.apache.kafka.streams.StreamsMetadata;
import org.apache.kafka.streams.processor.StreamPartitioner;
import org.apache.kafka.streams.state.HostInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends a query for one key to the instance that holds it. Kafka Streams shares every instance's
 * {@code application.server} (the advertised host and HTTP port) with the group, so any instance
 * can tell which one is the active host of a key's partition: if it is this one, the query is
 * answered here; otherwise the same GET is forwarded to the owner and its answer returned as it
 * is. Every answer carries the header {@value #SERVED_BY} naming the instance that answered; the
 * query handlers also put it in their JSON as {@code servedBy}.
 *
 * <p>A forwarded request is marked ({@value #FORWARDED}), and one that arrives at an instance that
 * does not hold the key either (ownership moved during a rebalance) is answered 503 rather than
 * forwarded again, so requests never loop.
 */
public final class InstanceRouter {

    private static final Logger LOG = LoggerFactory.getLogger(InstanceRouter.class);
    public static final String SERVED_BY = "X-Served-By";
    public static final String FORWARDED = "X-Forwarded-By-Monitor";
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(3);

    /** Where keys live: the part of Kafka Streams' metadata the router needs. */
    public interface Placement {
        /** The active host of {@code key} in {@code store}; empty when not known now (starting, rebalancing). */
        Optional<HostInfo> activeHost(String store, String key);

        /** Every instance holding partitions of {@code store}, this one included. */
        Set<HostInfo> hostsOf(String store);

        /** One instance holding everything: {@code self}. */
        static Placement single(HostInfo self) {
            return new Placement() {
                @Override
                public Optional<HostInfo> activeHost(String store, String key) {
                    return Optional.of(self);
                }

                @Override
                public Set<HostInfo> hostsOf(String store) {
                    return Set.of(self);
                }
            };
        }

        /** The metadata of the running Kafka Streams client; nothing is known while there is none. */
        static Placement of(Supplier<KafkaStreams> streams) {
            return of(streams, Map.of());
        }

        /**
         * As {@link #of(Supplier)}, with the partitioner of each store whose keys are not placed
         * by Kafka's default partitioner on the key's bytes.
         */
        static Placement of(Supplier<KafkaStreams> streams, Map<String, StreamPartitioner<String, ?>> partitioners) {
            return new Placement() {
                @Override
                public Optional<HostInfo> activeHost(String store, String key) {
                    KafkaStreams running = streams.get();
                    if (running == null) {
                        return Optional.empty();
                    }
                    try {
                        StreamPartitioner<String, ?> partitioner = partitioners.get(store);
                        KeyQueryMetadata metadata = partitioner == null
                                ? running.queryMetadataForKey(store, key, Serdes.String().serializer())
                                : running.queryMetadataForKey(store, key, partitioner);
                        return metadata == null || metadata.equals(KeyQueryMetadata.NOT_AVAILABLE)
                                ? Optional.empty() : Optional.of(metadata.activeHost());
                    } catch (RuntimeException e) {
                        // Not started yet, or shutting down: no one can be named.
                        return Optional.empty();
                    }
                }

                @Override
                public Set<HostInfo> hostsOf(String store) {
                    KafkaStreams running = streams.get();
                    if (running == null) {
                        return Set.of();
                    }
                    try {
                        return running.streamsMetadataForStore(store).stream().map(StreamsMetadata::hostInfo)
                                .collect(java.util.stream.Collectors.toSet());
                    } catch (RuntimeException e) {
                        return Set.of();
                    }
                }
            };
        }
    }

    private final HostInfo self;
    private final Placement placement;
    private final HttpClient client;
    private final Duration timeout;

    public InstanceRouter(HostInfo self, Placement placement, Duration timeout) {
        this.self = self;
        this.placement = placement;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    /** host:port of this instance, as other instances and {@code servedBy} name it. */
    public String selfName() {
        return name(self);
    }

    /** True when this instance is the active host of {@code key} in {@code store} now. */
    public boolean isLocal(String store, String key) {
        return placement.activeHost(store, key).map(self::equals).orElse(false);
    }

    /** The other instances holding partitions of {@code store}, as host:port, sorted. */
    public List<String> otherInstances(String store) {
        return placement.hostsOf(store).stream().filter(h -> !h.equals(self)).map(InstanceRouter::name).sorted()
                .toList();
    }

    /**
     * Answers {@code request} about {@code key} of {@code store}: with {@code local} when this
     * instance holds the key, else with the owner's answer to the same GET. 503 when no instance
     * can be named now; 502 when the owner does not answer in time.
     */
    public HttpResponse route(String store, String key, HttpRequest request, Supplier<HttpResponse> local) {
        Optional<HostInfo> owner = placement.activeHost(store, key);
        if (owner.isEmpty()) {
            return HttpResponse.error(503, "the monitor cannot tell yet which instance holds this (Kafka Streams is "
                    + "starting or rebalancing); retry shortly");
        }
        if (owner.get().equals(self)) {
            return local.get().withHeader(SERVED_BY, selfName());
        }
        if (request.header(FORWARDED) != null) {
            return HttpResponse.error(503, "forwarded here by " + request.header(FORWARDED) + ", but "
                    + name(owner.get()) + " holds this now (a rebalance is moving it); retry shortly");
        }
        return forward(owner.get(), request);
    }

    private HttpResponse forward(HostInfo owner, HttpRequest request) {
        URI uri = URI.create("http://" + name(owner) + request.pathAndQuery());
        try {
            java.net.http.HttpResponse<byte[]> answer = client.send(java.net.http.HttpRequest.newBuilder(uri)
                    .timeout(timeout).header(FORWARDED, selfName()).GET().build(),
                    java.net.http.HttpResponse.BodyHandlers.ofByteArray());
            String contentType = answer.headers().firstValue("Content-Type").orElse(HttpResponse.JSON);
            return new HttpResponse(answer.statusCode(), contentType, answer.body())
                    .withHeader(SERVED_BY, answer.headers().firstValue(SERVED_BY).orElse(name(owner)));
        } catch (IOException e) {
            LOG.warn("forwarding {} to {} failed: {}", request.pathAndQuery(), name(owner), e.toString());
            return HttpResponse.error(502, "instance " + name(owner) + ", which holds this, did not answer ("
                    + e.getClass().getSimpleName() + "); retry shortly");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HttpResponse.error(503, "interrupted while asking instance " + name(owner));
        }
    }

    static String name(HostInfo host) {
        return host.host() + ":" + host.port();
    }
}
