package dev.jnsc.jwt;

import java.util.Map;

/** JetStream limits of an account (or of one tier); JetStream is enabled iff a storage limit is not 0. */
public final class JetStreamLimits {
    private long memStorage;
    private long diskStorage;
    private long streams;
    private long consumer;
    private long maxAckPending;
    private long memMaxStreamBytes;
    private long diskMaxStreamBytes;
    private boolean maxBytesRequired;

    public long memStorage() {
        return memStorage;
    }

    public JetStreamLimits memStorage(long v) {
        memStorage = v;
        return this;
    }

    public long diskStorage() {
        return diskStorage;
    }

    public JetStreamLimits diskStorage(long v) {
        diskStorage = v;
        return this;
    }

    public long streams() {
        return streams;
    }

    public JetStreamLimits streams(long v) {
        streams = v;
        return this;
    }

    public long consumer() {
        return consumer;
    }

    public JetStreamLimits consumer(long v) {
        consumer = v;
        return this;
    }

    public long maxAckPending() {
        return maxAckPending;
    }

    public JetStreamLimits maxAckPending(long v) {
        maxAckPending = v;
        return this;
    }

    public long memMaxStreamBytes() {
        return memMaxStreamBytes;
    }

    public JetStreamLimits memMaxStreamBytes(long v) {
        memMaxStreamBytes = v;
        return this;
    }

    public long diskMaxStreamBytes() {
        return diskMaxStreamBytes;
    }

    public JetStreamLimits diskMaxStreamBytes(long v) {
        diskMaxStreamBytes = v;
        return this;
    }

    public boolean maxBytesRequired() {
        return maxBytesRequired;
    }

    public JetStreamLimits maxBytesRequired(boolean v) {
        maxBytesRequired = v;
        return this;
    }

    /** True when any limit is set (not 0 or false), as the Go nsc's jsLimitsSet. */
    public boolean isSet() {
        return memStorage != 0 || diskStorage != 0 || streams != 0 || consumer != 0 || maxAckPending != 0
                || memMaxStreamBytes != 0 || diskMaxStreamBytes != 0 || maxBytesRequired;
    }

    public boolean isEnabled() {
        return memStorage != 0 || diskStorage != 0;
    }

    void writeFields(JsonWriter w) {
        w.field("mem_storage", memStorage).field("disk_storage", diskStorage).field("streams", streams)
                .field("consumer", consumer).field("max_ack_pending", maxAckPending)
                .field("mem_max_stream_bytes", memMaxStreamBytes).field("disk_max_stream_bytes", diskMaxStreamBytes)
                .field("max_bytes_required", maxBytesRequired);
    }

    static JetStreamLimits read(Map<String, Object> m) {
        JetStreamLimits j = new JetStreamLimits();
        j.memStorage = Json.num(m, "mem_storage");
        j.diskStorage = Json.num(m, "disk_storage");
        j.streams = Json.num(m, "streams");
        j.consumer = Json.num(m, "consumer");
        j.maxAckPending = Json.num(m, "max_ack_pending");
        j.memMaxStreamBytes = Json.num(m, "mem_max_stream_bytes");
        j.diskMaxStreamBytes = Json.num(m, "disk_max_stream_bytes");
        j.maxBytesRequired = Json.bool(m, "max_bytes_required");
        return j;
    }
}
