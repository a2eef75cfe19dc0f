/** Settings tiers of the cascade (a channel's, the user's own defaults) as dashboards on the one dashboard engine. */
package io.tzurot.discord.tiers;
