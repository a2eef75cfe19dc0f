package io.tzurot.core.admin;

import java.util.List;

/** Port: the process's main meters (replies, model calls, queue, JVM), read now. */
@FunctionalInterface
public interface MetricsSource {

    /** Nothing to read: a process without a meter registry. */
    MetricsSource NONE = List::of;

    List<MeterReading> read();
}
