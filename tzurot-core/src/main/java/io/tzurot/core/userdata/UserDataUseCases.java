package io.tzurot.core.userdata;

import java.util.Objects;

/** The user-data use cases every face calls: whole-data export and account erasure. */
public record UserDataUseCases(ExportingUserData exporting, ErasingUser erasing) {

    public UserDataUseCases {
        Objects.requireNonNull(exporting, "exporting");
        Objects.requireNonNull(erasing, "erasing");
    }
}
