package io.tzurot.discord.dashboard;

import io.tzurot.discord.command.Caller;
import io.tzurot.discord.command.CommandFailure;
import io.tzurot.discord.command.ComponentCall;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What one kind of entity shows on the shared dashboard (spec §2.2): its sections of editable fields, its menu
 * actions, and how it is loaded, saved and deleted. Loading and saving go through core use cases, which refuse
 * with domain errors; the engine does the rest.
 *
 * @param <T> the entity
 */
public interface DashboardSpec<T> {

    /** The custom-id prefix, which is also the entity type in sessions (e.g. {@code character}). */
    String prefix();

    /** The command to run again when a session has expired, e.g. {@code /character edit}. */
    String command();

    /** The entity the caller may edit; a domain error when they may not. */
    T load(Caller caller, String id);

    /** The id used in custom ids (slug or UUID). */
    String id(T entity);

    /** What the entity is called, e.g. {@code Lilith}. */
    String name(T entity);

    /** E.g. {@code 📝 Editing: Lilith}. */
    String title(T entity);

    /** Badges and a short summary under the title. */
    String description(Caller caller, T entity);

    List<Section> sections(Caller caller, T entity);

    /**
     * The mark after a section's label; empty for the usual one (✅ every field filled, ⚠️ some, ❌ none), which
     * suits entities but not settings, where an empty field means "inherited".
     */
    default Optional<String> status(Section section) {
        return Optional.empty();
    }

    default List<Action> actions(Caller caller, T entity) {
        return List.of();
    }

    /** Saves one section's submitted values (by field id) and returns the entity as saved. */
    T save(Caller caller, String id, String sectionId, Map<String, String> values);

    /** Runs a menu action; returns the entity afterwards. */
    default T act(Caller caller, String id, String actionId, ComponentCall call) {
        throw new IllegalArgumentException("no action " + actionId);
    }

    /** What deleting destroys, when the caller may delete it; empty hides the Delete button. */
    default Optional<String> deletionWarning(Caller caller, T entity) {
        return Optional.empty();
    }

    /**
     * Deletes it and says what was removed. Only reached through the Delete button, which a spec without a
     * {@link #deletionWarning} never shows; a forged button id for such a spec gets a plain refusal.
     */
    default String delete(Caller caller, String id) {
        throw new CommandFailure("This can't be deleted here.");
    }

    /** One section: up to five fields, edited together in one modal. */
    record Section(String id, String label, List<Field> fields) {

        public Section {
            if (fields.isEmpty() || fields.size() > 5) {
                throw new IllegalArgumentException("a section has 1-5 fields: " + id);
            }
            fields = List.copyOf(fields);
        }
    }

    /**
     * One text field; {@code value} is "" when unset.
     *
     * @param max longest value accepted, at most 4000 (Discord's limit)
     */
    record Field(String id, String label, String value, int max, boolean paragraph, boolean required) {

        public Field {
            value = value == null ? "" : value;
            if (max < 1 || max > 4000) {
                throw new IllegalArgumentException("field max must be 1-4000: " + id);
            }
        }
    }

    /** A menu action, e.g. toggling visibility. */
    record Action(String id, String label, String description) {
    }
}
