package io.tzurot.core.lorebook.activation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.DoubleSupplier;

/**
 * Inclusion groups (cards.md §9 step 5): of the candidates sharing a group, at most one fires, unless sticky members
 * hold the group. A group that fired in an earlier pass takes no more members.
 */
final class InclusionGroups {

    private InclusionGroups() {
    }

    /** The candidates left once every group has chosen; the order is kept. */
    static List<Candidate> choose(List<Candidate> candidates, Set<String> firedBefore, DoubleSupplier random) {
        Map<String, List<Candidate>> byGroup = new LinkedHashMap<>();
        for (Candidate c : candidates) {
            for (String group : c.entry().groups()) {
                byGroup.computeIfAbsent(group, g -> new ArrayList<>()).add(c);
            }
        }
        if (byGroup.isEmpty()) {
            return candidates;
        }
        Set<Candidate> removed = new HashSet<>();
        byGroup.forEach((group, all) -> {
            List<Candidate> members = new ArrayList<>(all);
            members.removeAll(removed);
            if (firedBefore.contains(group)) {
                removed.addAll(members);
                return;
            }
            if (members.stream().anyMatch(Candidate::sticky)) {
                members.stream().filter(c -> !c.sticky()).forEach(removed::add);
                return;
            }
            int best = members.stream().mapToInt(Candidate::score).max().orElse(0);
            for (Candidate c : List.copyOf(members)) {
                if (c.entry().groupScoring() && c.score() < best) {
                    removed.add(c);
                    members.remove(c);
                }
            }
            if (members.size() <= 1) {
                return;
            }
            Candidate winner = winner(members, random);
            members.stream().filter(c -> c != winner).forEach(removed::add);
        });
        return candidates.stream().filter(c -> !removed.contains(c)).toList();
    }

    /** An override member with the highest order, else a weighted draw by group weight. */
    private static Candidate winner(List<Candidate> members, DoubleSupplier random) {
        Candidate override = null;
        for (Candidate c : members) {
            if (c.entry().groupOverride() && (override == null || c.entry().order() > override.entry().order())) {
                override = c;
            }
        }
        if (override != null) {
            return override;
        }
        long total = members.stream().mapToLong(c -> c.entry().groupWeight()).sum();
        if (total <= 0) {
            return members.get(0);
        }
        double roll = random.getAsDouble() * total;
        long running = 0;
        for (Candidate c : members) {
            running += c.entry().groupWeight();
            if (roll < running) {
                return c;
            }
        }
        return members.get(members.size() - 1);
    }
}
