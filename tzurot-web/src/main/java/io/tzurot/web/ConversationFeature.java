package io.tzurot.web;

import io.javalin.Javalin;
import io.tzurot.web.chat.ChannelsApi;
import io.tzurot.web.chat.ChatApi;
import io.tzurot.web.chat.ChannelsApi;
import io.tzurot.web.chat.ChatPages;
import io.tzurot.web.chat.ConversationServices;
import io.tzurot.web.chat.ReplyTracker;
import io.tzurot.web.console.ConsolePageMaker;
import io.tzurot.web.console.ConsoleSection;
import io.tzurot.web.diagnostics.DiagnosticsApi;
import io.tzurot.web.diagnostics.HiddenFieldsSharingApi;
import io.tzurot.web.diagnostics.InspectPages;
import io.tzurot.web.history.HistoryApi;
import io.tzurot.web.memory.MemoryApi;
import io.tzurot.web.memory.MemoryPages;
import io.tzurot.web.openapi.RouteRegistry;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Chat, memories, history and diagnostics, as one feature of the web console. Wiring:
 * <pre>{@code
 * var feature = new ConversationFeature(() -> conversationServices, tracker, (t, s, a) -> console.get().page(t, s, a));
 * var console = new WebConsole(access, version, ConversationFeature.SECTIONS, List.of(feature));   // API routes
 * WebServer.start(host, port, List.of(console::register, feature.pages()));                     // console pages
 * }</pre>
 * The API routes go through the {@link RouteRegistry} (so they are in the OpenAPI document); the pages are
 * {@code /console/chat}, {@code /console/memories} and {@code /console/inspect}.
 */
public final class ConversationFeature implements Consumer<RouteRegistry> {

    /** The console sections whose pages this feature installs. */
    public static final Set<ConsoleSection> SECTIONS = Set.of(ConsoleSection.CHAT, ConsoleSection.MEMORIES, ConsoleSection.INSPECT);

    private final ChatApi chat;
    private final io.tzurot.web.chat.SwipesApi swipes;
    private final ChannelsApi channels;
    private final HiddenFieldsSharingApi sharing;
    private final MemoryApi memories;
    private final HistoryApi history;
    private final DiagnosticsApi diagnostics;
    private final ChatPages chatPages;
    private final MemoryPages memoryPages;
    private final InspectPages inspectPages;

    /**
     * @param services empty while storage is still opening (routes then answer 503)
     * @param tracker  keeps started replies until they are read, e.g. {@link io.tzurot.web.chat.InMemoryReplyTracker}
     * @param pages    the layout model of console pages, normally {@code webConsole::page}
     */
    public ConversationFeature(Supplier<Optional<ConversationServices>> services, ReplyTracker tracker, ConsolePageMaker pages) {
        this(services, Optional::empty, tracker, pages);
    }

    /** The same, with regenerate, swipe and delete of replies through {@code swipes} (503 while it is empty). */
    public ConversationFeature(Supplier<Optional<ConversationServices>> services,
                               Supplier<Optional<io.tzurot.core.swipe.SwipeActions>> swipes, ReplyTracker tracker,
                               ConsolePageMaker pages) {
        this.chat = new ChatApi(services, tracker);
        this.swipes = new io.tzurot.web.chat.SwipesApi(services, swipes, tracker);
        this.channels = new ChannelsApi(services);
        this.sharing = new HiddenFieldsSharingApi(services);
        this.memories = new MemoryApi(services);
        this.history = new HistoryApi(services);
        this.diagnostics = new DiagnosticsApi(services);
        this.chatPages = new ChatPages(services, pages);
        this.memoryPages = new MemoryPages(services, pages);
        this.inspectPages = new InspectPages(services, pages);
    }

    /** Adds the API routes: chat and replies, memories, history, diagnostics. */
    @Override
    public void accept(RouteRegistry routes) {
        chat.register(routes);
        swipes.register(routes);
        channels.register(routes);
        memories.register(routes);
        history.register(routes);
        diagnostics.register(routes);
        sharing.register(routes);
    }

    /** The console pages, for {@code WebServer.start(..., List.of(..., feature.pages()))}. */
    public Consumer<Javalin> pages() {
        return app -> {
            chatPages.register(app);
            memoryPages.register(app);
            inspectPages.register(app);
        };
    }
}
