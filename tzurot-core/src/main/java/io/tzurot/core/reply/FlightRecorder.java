package io.tzurot.core.reply;

import java.util.Optional;

/** Keeps flight records for a day, readable by reply (request) id. */
public interface FlightRecorder {

    void save(FlightRecord record);

    Optional<FlightRecord> find(String requestId);
}
