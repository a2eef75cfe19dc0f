/**
 * Messaging ports: the job queue, the result stream, the event bus for cache invalidation and the
 * ephemeral key store. Implemented in-process (embedded profile) and on Redis (distributed profile).
 */
package io.tzurot.core.messaging;
