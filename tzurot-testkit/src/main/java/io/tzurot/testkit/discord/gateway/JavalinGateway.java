package io.tzurot.testkit.discord.gateway;

import io.javalin.websocket.WsConfig;
import io.javalin.websocket.WsContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Binds the gateway protocol to a Javalin (Jetty) websocket endpoint. */
public final class JavalinGateway {

    private static final Logger LOG = LoggerFactory.getLogger(JavalinGateway.class);

    private static final int ABNORMAL_CLOSURE = 1006;

    private final GatewayProtocol protocol;
    private final Map<String, Connection> connections = new ConcurrentHashMap<>();

    public JavalinGateway(GatewayProtocol protocol) {
        this.protocol = protocol;
    }

    public void configure(WsConfig ws) {
        ws.onConnect(ctx -> {
            Connection connection = new Connection(ctx);
            connections.put(ctx.sessionId(), connection);
            protocol.onOpen(connection);
        });
        ws.onMessage(ctx -> {
            Connection connection = connections.get(ctx.sessionId());
            if (connection != null) {
                protocol.onText(connection, ctx.message());
            }
        });
        ws.onBinaryMessage(ctx -> {
            // The simulator speaks JSON only; ETF or compressed client frames are a configuration mistake.
            LOG.warn("gateway: binary frame refused; configure the client for JSON encoding");
            ctx.closeSession(GatewayOp.CLOSE_DECODE_ERROR, "Decode error");
        });
        ws.onClose(ctx -> closed(ctx.sessionId(), ctx.status()));
        ws.onError(ctx -> closed(ctx.sessionId(), ABNORMAL_CLOSURE));
    }

    private void closed(String sessionId, int code) {
        Connection connection = connections.remove(sessionId);
        if (connection != null) {
            protocol.onClose(connection, code);
        }
    }

    /** Jetty's remote endpoint is not safe for concurrent sends, so every send is serialised. */
    private static final class Connection implements GatewayConnection {

        private final WsContext ctx;

        Connection(WsContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public synchronized void send(String frame) {
            if (ctx.session.isOpen()) {
                ctx.send(frame);
            }
        }

        @Override
        public synchronized void close(int code, String reason) {
            if (ctx.session.isOpen()) {
                ctx.closeSession(code, reason);
            }
        }
    }
}
