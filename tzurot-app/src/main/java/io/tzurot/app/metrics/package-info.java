/**
 * Prometheus metrics (Micrometer): the registry of one process, the adapters that feed it (reply stages and
 * outcomes, model requests, embeddings, the reply queue, repository caches, the Discord gateway, the JVM) and
 * the management port that serves them where no {@code api} role runs.
 */
package io.tzurot.app.metrics;
