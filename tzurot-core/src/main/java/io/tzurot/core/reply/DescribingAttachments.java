package io.tzurot.core.reply;

import io.tzurot.core.attachment.CachedDescription;
import io.tzurot.core.attachment.DescriptionCache;
import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.model.AudioClip;
import io.tzurot.core.model.ContentPart;
import io.tzurot.core.model.ModelCatalog;
import io.tzurot.core.model.Transcriber;
import io.tzurot.core.model.VisionDescriber;
import io.tzurot.core.model.VisionRequest;
import io.tzurot.core.prompt.Attachment;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns attachments into text for the prompt: images through the vision model, voice and audio through
 * transcription. Results (and failures) are cached by attachment id or URL hash, so a re-sent file costs
 * nothing; a failure leaves a short note instead of failing the reply.
 */
public final class DescribingAttachments {

    private static final Logger LOG = LoggerFactory.getLogger(DescribingAttachments.class);

    private final VisionDescriber vision;
    private final Transcriber transcriber;
    private final AttachmentSource source;
    private final DescriptionCache cache;
    private final MediaSettings media;
    private final ProviderAccess provider;
    private final Clock clock;
    private final ModelCatalog catalog;

    /** Without a model catalog: images go to the preset's vision model, else the configured fallback. */
    public DescribingAttachments(VisionDescriber vision, Transcriber transcriber, AttachmentSource source,
                                 DescriptionCache cache, MediaSettings media, ProviderAccess provider, Clock clock) {
        this(vision, transcriber, source, cache, media, provider, clock, ModelCatalog.unknown());
    }

    public DescribingAttachments(VisionDescriber vision, Transcriber transcriber, AttachmentSource source,
                                 DescriptionCache cache, MediaSettings media, ProviderAccess provider, Clock clock,
                                 ModelCatalog catalog) {
        this.vision = Objects.requireNonNull(vision, "vision");
        this.transcriber = Objects.requireNonNull(transcriber, "transcriber");
        this.source = Objects.requireNonNull(source, "source");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.media = Objects.requireNonNull(media, "media");
        this.provider = Objects.requireNonNull(provider, "provider");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    /** Describes every attachment, in order. */
    public CompletableFuture<List<Attachment>> describe(List<AttachmentInput> attachments, ReplyContext context) {
        List<CompletableFuture<Attachment>> parts = new ArrayList<>(attachments.size());
        for (AttachmentInput a : attachments) {
            parts.add(describeOne(a, context));
        }
        return CompletableFuture.allOf(parts.toArray(CompletableFuture[]::new))
                .thenApply(done -> parts.stream().map(CompletableFuture::join).toList());
    }

    /**
     * The transcript of one audio attachment, through the same cache replies use (so a reply to it later costs
     * nothing); fails when it cannot be transcribed. Used by voice auto-transcription.
     */
    public CompletableFuture<String> transcript(AttachmentInput audio, String apiKey) {
        return cached("audio", audio, () -> transcribe(audio, apiKey)).thenCompose(value -> value
                instanceof CachedDescription.Described d ? CompletableFuture.completedFuture(d.text())
                : CompletableFuture.failedFuture(new IllegalStateException("transcription failed: " + audio.filename())));
    }

    private CompletableFuture<Attachment> describeOne(AttachmentInput a, ReplyContext context) {
        if (a.isImage()) {
            return cached("image", a, () -> describeImage(a, context))
                    .thenApply(value -> (Attachment) new Attachment.Image(a.filename(), render("image", value)));
        }
        if (a.isAudio()) {
            return cached("audio", a, () -> transcribe(a, context.credentials().apiKey())).thenApply(value -> {
                String text = render("audio", value);
                return a.voiceMessage() ? new Attachment.VoiceMessage(a.durationSeconds().orElse(0), text)
                        : new Attachment.Audio(a.filename(), text);
            });
        }
        return CompletableFuture.completedFuture(new Attachment.File(a.filename(), a.contentType()));
    }

    /** The cached result for {@code a}, else {@code work}'s, stored (a failure too, so it is not retried). */
    private CompletableFuture<CachedDescription> cached(String kind, AttachmentInput a,
                                                        Supplier<CompletableFuture<CachedDescription>> work) {
        String key = kind + ":" + (a.id().isBlank() ? DeterministicIds.sha256Hex(a.url(), 40) : a.id());
        Optional<CachedDescription> hit = safeFind(key);
        if (hit.isPresent()) {
            return CompletableFuture.completedFuture(hit.get());
        }
        return work.get().handle((result, error) -> {
            CachedDescription value = error == null ? result : new CachedDescription.Failed(category(error));
            if (error != null) {
                LOG.warn("{} attachment {} could not be processed: {}", kind, a.filename(), error.getMessage());
            }
            try {
                cache.put(key, value, clock.instant());
            } catch (RuntimeException e) {
                LOG.warn("description cache write failed for {}: {}", key, e.getMessage());
            }
            return value;
        });
    }

    private CompletableFuture<CachedDescription> describeImage(AttachmentInput a, ReplyContext context) {
        return visionModel(context).thenCompose(model -> {
            VisionRequest request = new VisionRequest(ContentPart.Image.ofUrl(a.url()), model, Optional.empty());
            return vision.describe(request, context.credentials().apiKey(), Optional.of(provider.baseUrl()))
                    .thenApply(text -> new CachedDescription.Described(text, model));
        });
    }

    /**
     * pipeline.md §10.1: the preset's vision model, else the main model when the provider lists it with image
     * input, else the fallback (the free one for guests). Asked only when an image is not cached.
     */
    CompletableFuture<String> visionModel(ReplyContext context) {
        Optional<String> chosen = context.preset().vision();
        if (chosen.isPresent()) {
            return CompletableFuture.completedFuture(chosen.get());
        }
        String fallback = context.credentials().guestMode() ? media.guestVisionModel() : media.visionFallbackModel();
        String main = context.preset().model();
        // the list is shared by everyone on this provider: ask with the operator's key when there is one
        Optional<String> key = provider.systemKey().or(() -> Optional.of(context.credentials().apiKey()));
        return catalog.acceptsImages(main, provider.baseUrl(), key)
                .exceptionally(error -> false)
                .thenApply(accepts -> accepts ? main : fallback);
    }

    private CompletableFuture<CachedDescription> transcribe(AttachmentInput a, String apiKey) {
        String model = media.transcriptionModel();
        return source.read(a).thenCompose(bytes -> transcriber.transcribe(new AudioClip(bytes, a.filename(), a.contentType()),
                        model, Optional.empty(), apiKey, Optional.of(provider.baseUrl())))
                .thenApply(text -> new CachedDescription.Described(text, model));
    }

    private Optional<CachedDescription> safeFind(String key) {
        try {
            return cache.find(key);
        } catch (RuntimeException e) {
            LOG.warn("description cache read failed for {}: {}", key, e.getMessage());
            return Optional.empty();
        }
    }

    private static String render(String kind, CachedDescription value) {
        if (value instanceof CachedDescription.Described d) {
            return d.text();
        }
        return "image".equals(kind) ? "[vision processing failed]" : "[transcription failed]";
    }

    private static String category(Throwable error) {
        Throwable t = error;
        while (t.getCause() != null && t != t.getCause()) {
            t = t.getCause();
        }
        String name = t.getClass().getSimpleName();
        return name.length() > 50 ? name.substring(0, 50) : name;
    }
}
