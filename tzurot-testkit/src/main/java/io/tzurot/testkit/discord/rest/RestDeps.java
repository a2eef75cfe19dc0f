package io.tzurot.testkit.discord.rest;

import io.tzurot.testkit.discord.activity.ActivityLog;
import io.tzurot.testkit.discord.gateway.GatewayEvents;
import io.tzurot.testkit.discord.json.EntityJson;
import io.tzurot.testkit.discord.json.MessageJson;
import io.tzurot.testkit.discord.service.InteractionService;
import io.tzurot.testkit.discord.service.MessageService;
import io.tzurot.testkit.discord.state.SimStore;
import io.tzurot.testkit.discord.state.SimUser;

/** What the REST route classes share: the world, its JSON views, the services and the bot's own user. */
public record RestDeps(SimStore store, EntityJson entities, MessageJson messageJson, MessageService messages,
                       InteractionService interactions, GatewayEvents events, ActivityLog activity, SimUser self) {
}
