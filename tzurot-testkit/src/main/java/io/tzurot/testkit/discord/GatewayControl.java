package io.tzurot.testkit.discord;

import io.tzurot.testkit.discord.gateway.GatewayHub;
import io.tzurot.testkit.discord.gateway.GatewayOp;

/** Test-facing control of the gateway: drop connections, invalidate sessions, and count IDENTIFYs and RESUMEs. */
public final class GatewayControl {

    private final GatewayHub hub;

    GatewayControl(GatewayHub hub) {
        this.hub = hub;
    }

    /**
     * Drops every connection with close code 4000 (unknown error), which clients answer with RESUME. Events
     * dispatched until they resume are replayed to them, as Discord does.
     */
    public void disconnect() {
        hub.dropConnections(GatewayOp.CLOSE_UNKNOWN_ERROR, "Simulated disconnect");
    }

    /** Forgets all sessions and drops connections; clients are refused RESUME and identify again. */
    public void invalidateSessionsAndDisconnect() {
        hub.invalidateSessions();
        disconnect();
    }

    public int identifyCount() {
        return hub.identifyCount();
    }

    public int resumeCount() {
        return hub.resumeCount();
    }

    public int openConnections() {
        return hub.openConnections();
    }
}
