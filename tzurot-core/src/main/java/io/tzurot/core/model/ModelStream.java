package io.tzurot.core.model;

/**
 * Receives a model's answer while it is written: the raw content pieces as the provider sends them. A call that
 * is tried again (a dropped connection, a 5xx) starts over with {@link #restart()}.
 */
public interface ModelStream {

    /** A stream that ignores everything. */
    ModelStream NONE = new ModelStream() {
        @Override
        public void partial(String text) {
            // ignored
        }
    };

    /** The next piece of content, appended to the pieces before it. */
    void partial(String text);

    /** The pieces so far are void: the call is tried again from the start. */
    default void restart() {
    }
}
