package io.tzurot.web.preset;

import io.tzurot.core.access.Actor;
import io.tzurot.core.preset.Preset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** A preset as the API shows it. */
public record PresetView(String id, String name, String description, String model, String visionModel, String provider,
                         int contextWindowTokens, boolean isGlobal, boolean isDefault, boolean isMyDefault,
                         boolean isOwned, boolean canEdit, Map<String, Object> advancedParameters) {

    public static PresetView of(Preset p, Actor actor, Optional<UUID> myDefault) {
        return new PresetView(p.id().toString(), p.name(), p.description(), p.model(), p.visionModel(), p.provider(),
                p.contextWindowTokens(), p.isGlobal(), p.isDefault(), myDefault.map(p.id()::equals).orElse(false),
                p.ownerId().equals(actor.userId()), actor.mayManage(p.ownerId()),
                PresetFields.parametersView(p.advancedParameters()));
    }
}
