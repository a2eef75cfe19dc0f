/** The bot owner's administration: usage reports, retention clean-up, presence and the fleet's heartbeats. */
package io.tzurot.core.admin;
