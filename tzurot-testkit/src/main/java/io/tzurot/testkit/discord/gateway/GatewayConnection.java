package io.tzurot.testkit.discord.gateway;

/** One open websocket to a gateway client; implementations serialise concurrent sends. */
public interface GatewayConnection {

    void send(String frame);

    void close(int code, String reason);
}
