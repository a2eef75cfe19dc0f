package io.tzurot.core.model;

import io.tzurot.core.failure.DomainException;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The operator's provider catalogue, filterable by free, vision and context size, for anyone choosing a model.
 */
public final class BrowsingModels {

    /** Which models a listing keeps. */
    public enum Filter { ALL, FREE, VISION }

    private final ModelListing listing;
    private final String baseUrl;
    private final Optional<String> operatorKey;

    public BrowsingModels(ModelListing listing, String baseUrl, Optional<String> operatorKey) {
        this.listing = Objects.requireNonNull(listing, "listing");
        this.baseUrl = Objects.requireNonNull(baseUrl, "baseUrl");
        this.operatorKey = Objects.requireNonNull(operatorKey, "operatorKey");
    }

    /** The models matching the filter, at least {@code minContext} tokens (0 for any) and the query, by name. */
    public List<ModelListing.ModelInfo> list(Filter filter, int minContext, String query) {
        if (minContext < 0) {
            throw DomainException.invalid("min-context", "The minimum context size cannot be negative.");
        }
        String q = query == null ? "" : query.strip().toLowerCase(Locale.ROOT);
        return listing.list(baseUrl, operatorKey).stream()
                .filter(m -> switch (filter) {
                    case FREE -> m.free();
                    case VISION -> m.vision();
                    case ALL -> true;
                })
                .filter(m -> m.contextLength() >= minContext)
                .filter(m -> q.isEmpty() || m.id().toLowerCase(Locale.ROOT).contains(q)
                        || m.name().toLowerCase(Locale.ROOT).contains(q))
                .sorted(Comparator.comparing(m -> m.name().toLowerCase(Locale.ROOT)))
                .toList();
    }

    /** One model by its id, or not found. */
    public ModelListing.ModelInfo view(String id) {
        String wanted = id == null ? "" : id.strip();
        return listing.list(baseUrl, operatorKey).stream().filter(m -> m.id().equals(wanted)).findFirst()
                .orElseThrow(() -> DomainException.notFound("Model '" + wanted + "'"));
    }
}
