/**
 * A local Discord (REST API v10 + JSON gateway) that real JDA logs in to, for tests and demos.
 *
 * <p>Start one with {@link io.tzurot.testkit.discord.DiscordSimulator#start()} and point JDA at it:
 * {@code JDABuilder.createDefault(sim.botToken())
 *   .setRestConfig(new RestConfig().setBaseUrl(sim.restBaseUrl()))
 *   .setSessionController(new SessionControllerAdapter() { public String getGateway() { return sim.gatewayUrl(); } })
 *   .setCompression(Compression.NONE)}. Build guilds, users and channels with {@code sim.world()}, act as users
 * with {@code sim.users()} (post, reply, attach, voice messages, stickers with descriptions, forwards with
 * {@code message_snapshots}, edit, delete, type, slash commands, autocomplete, buttons, selects, modals), invite the
 * bot to a guild later with {@code sim.world().createGuildWithoutBot(..)} and {@code addBot(..)} (the bot leaves
 * through {@code DELETE users/@me/guilds/{id}}: GUILD_DELETE and {@code BotActivity.LeftGuild}), control the connection with {@code sim.gateway()}, and inspect what the bot did with
 * {@code sim.botPosts()}, {@code sim.activity()} and {@code sim.onActivity(listener)}. Sessions that IDENTIFY with
 * a {@code shard} array get only their shard's guilds ({@code (guild_id >> 22) % total}; DMs on shard 0);
 * {@code sim.world().createGuildOnShard(..)} makes a guild that lands on a given shard. {@link io.tzurot.testkit.discord.DiscordSimulatorMain}
 * runs it as a program.
 *
 * <p>Sub-packages: {@code state} (in-memory world, snowflakes, permissions), {@code json} (Discord payloads),
 * {@code gateway} (sessions, HELLO/IDENTIFY/RESUME, dispatch), {@code rest} (routes by resource),
 * {@code service} (messages and interactions shared by REST and the test API), {@code activity} (what the bot did).
 */
package io.tzurot.testkit.discord;
