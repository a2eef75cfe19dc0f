package io.tzurot.core.reply;

/** Where a trigger came from; decides defaults such as the location shown to the model. */
public enum Platform {
    DISCORD, WEB, CLI
}
