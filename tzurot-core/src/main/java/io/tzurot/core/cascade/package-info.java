/** The settings cascade: resolving the tiers, and editing the caller's own tiers and time zone. */
package io.tzurot.core.cascade;
