package io.tzurot.core.userdata;

/**
 * What an erasure removes.
 *
 * @param othersMessages other users' history messages with the user's characters (they go with the characters)
 * @param othersMemories other users' memories with the user's characters (likewise)
 */
public record ErasureCounts(int personas, int presets, int characters, int memories, int messages,
                            int othersMessages, int othersMemories) {
}
