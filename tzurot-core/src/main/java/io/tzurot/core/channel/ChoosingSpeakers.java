package io.tzurot.core.channel;

import io.tzurot.core.personality.Personality;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.random.RandomGenerator;

/**
 * Who of a scene answers a message that addresses nobody, by the channel's {@link SpeakerStrategy}: {@code natural}
 * takes the characters named in the message (in the order named), then the others in a random order, each speaking
 * up with a chance of its talkativeness in 100, and one of them by talkativeness when nobody did; {@code list} takes
 * every character in activation order; {@code random} one at random; {@code manual} nobody. At most
 * {@link SceneLimits#maxReplies()}. Every random choice comes from the injected source, so a seeded one repeats.
 */
public final class ChoosingSpeakers {

    private final SceneSettingsRepository scene;
    private final RandomGenerator random;

    public ChoosingSpeakers(SceneSettingsRepository scene, RandomGenerator random) {
        this.scene = Objects.requireNonNull(scene, "scene");
        this.random = Objects.requireNonNull(random, "random");
    }

    /** The scene settings the choices read. */
    public SceneSettingsRepository settings() {
        return scene;
    }

    /** The limits every scene follows. */
    public SceneLimits limits() {
        return scene.limits();
    }

    /** The characters of {@code present} (a scene's, in activation order) that answer {@code text}, in order. */
    public List<Personality> choose(SpeakerStrategy strategy, List<Personality> present, String text) {
        if (present.isEmpty()) {
            return List.of();
        }
        int max = scene.limits().maxReplies();
        List<Personality> chosen = switch (strategy) {
            case MANUAL -> List.of();
            case LIST -> present;
            case RANDOM -> List.of(pickOne(present));
            case NATURAL -> natural(present, text == null ? "" : text);
        };
        return chosen.stream().limit(max).toList();
    }

    /**
     * Who of {@code present} (a scene's, in activation order) takes a chained turn after {@code justSpoke} posted
     * {@code text}: never {@code justSpoke} itself; under {@code list} the next one after it in activation order
     * (round the end), under {@code random} any other, under {@code natural} the first the strategy chooses among
     * the others (one it names first), under {@code manual} nobody. The loop guard is the caller's (see
     * {@link SceneLimits#allowsChainTurn}).
     */
    public Optional<Personality> next(SpeakerStrategy strategy, List<Personality> present, Personality justSpoke,
                                      String text) {
        List<Personality> others = present.stream().filter(p -> !p.id().equals(justSpoke.id())).toList();
        if (others.isEmpty()) {
            return Optional.empty();
        }
        return switch (strategy) {
            case MANUAL -> Optional.empty();
            case RANDOM -> Optional.of(pickOne(others));
            case NATURAL -> natural(others, text == null ? "" : text).stream().findFirst();
            case LIST -> {
                int at = -1;
                for (int i = 0; i < present.size(); i++) {
                    if (present.get(i).id().equals(justSpoke.id())) {
                        at = i;
                    }
                }
                yield Optional.of(at < 0 ? others.get(0) : present.get((at + 1) % present.size()));
            }
        };
    }

    /** One of {@code candidates}, each as likely (for {@code /chime-in} and {@code /random}). */
    public Personality pickOne(List<Personality> candidates) {
        if (candidates.isEmpty()) {
            throw new IllegalArgumentException("no candidate to pick from");
        }
        synchronized (random) {
            return candidates.get(random.nextInt(candidates.size()));
        }
    }

    private List<Personality> natural(List<Personality> present, String text) {
        List<Personality> named = present.stream().filter(p -> namedAt(p, text).isPresent())
                .sorted(Comparator.comparingInt(p -> namedAt(p, text).getAsInt())).toList();
        List<Personality> chosen = new ArrayList<>(named);
        List<Personality> others = new ArrayList<>(present.stream().filter(p -> !named.contains(p)).toList());
        Map<UUID, Integer> weights = scene.talkativeness(others.stream().map(Personality::id).toList());
        synchronized (random) {
            for (int i = others.size() - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                others.set(j, others.set(i, others.get(j)));
            }
            for (Personality p : others) {
                if (random.nextInt(100) < weights.get(p.id())) {
                    chosen.add(p);
                }
            }
            if (chosen.isEmpty()) {
                weighted(others, weights).ifPresent(chosen::add);
            }
        }
        return chosen;
    }

    private Optional<Personality> weighted(List<Personality> candidates, Map<UUID, Integer> weights) {
        int total = candidates.stream().mapToInt(p -> weights.get(p.id())).sum();
        if (total <= 0) {
            return Optional.empty(); // everyone is silent by choice
        }
        int roll = random.nextInt(total);
        for (Personality p : candidates) {
            roll -= weights.get(p.id());
            if (roll < 0) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Where the message first names the character (its name or shown name as a whole word), if it does. */
    static OptionalInt namedAt(Personality p, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        int best = -1;
        for (String name : List.of(p.name(), p.shownName())) {
            int at = wordAt(lower, name.toLowerCase(Locale.ROOT).strip());
            if (at >= 0 && (best < 0 || at < best)) {
                best = at;
            }
        }
        return best < 0 ? OptionalInt.empty() : OptionalInt.of(best);
    }

    private static int wordAt(String text, String word) {
        if (word.isEmpty()) {
            return -1;
        }
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            boolean startOk = at == 0 || !Character.isLetterOrDigit(text.charAt(at - 1));
            int end = at + word.length();
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) {
                return at;
            }
        }
        return -1;
    }
}
