/**
 * Platform logic for the Discord adapter that needs no Discord library: mention parsing, message
 * chunking, and the port that remembers which character posted which Discord message.
 */
package io.tzurot.core.discord;
