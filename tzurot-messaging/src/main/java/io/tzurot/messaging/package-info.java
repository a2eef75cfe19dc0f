/**
 * Messaging adapters: the job queue, result stream, event bus and ephemeral key store, each in-process
 * (embedded profile) and on Redis through Lettuce (distributed profile).
 */
package io.tzurot.messaging;
