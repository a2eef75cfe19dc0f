/** Per-user rate limits, replies in flight and the one-handler claim of an incoming message. */
package io.tzurot.core.limits;
