/**
 * The Discord adapter on JDA: turns messages and interactions into triggers, delivers replies through
 * webhooks, serves slash commands and dashboards.
 */
package io.tzurot.discord;
