/** Retry policy, non-blocking retrier and error classification shared by all model calls. */
package io.tzurot.ai.retry;
