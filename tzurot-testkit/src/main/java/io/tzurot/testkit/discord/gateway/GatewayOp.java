package io.tzurot.testkit.discord.gateway;

/** Gateway opcodes the simulator speaks, and the close codes it uses. */
public final class GatewayOp {

    public static final int DISPATCH = 0;
    public static final int HEARTBEAT = 1;
    public static final int IDENTIFY = 2;
    public static final int PRESENCE_UPDATE = 3;
    public static final int VOICE_STATE_UPDATE = 4;
    public static final int RESUME = 6;
    public static final int RECONNECT = 7;
    public static final int REQUEST_GUILD_MEMBERS = 8;
    public static final int INVALID_SESSION = 9;
    public static final int HELLO = 10;
    public static final int HEARTBEAT_ACK = 11;

    /** Close codes from Discord's documentation; 4000 lets the client resume. */
    public static final int CLOSE_UNKNOWN_ERROR = 4000;
    public static final int CLOSE_UNKNOWN_OPCODE = 4001;
    public static final int CLOSE_DECODE_ERROR = 4002;
    public static final int CLOSE_NOT_AUTHENTICATED = 4003;
    public static final int CLOSE_AUTHENTICATION_FAILED = 4004;
    public static final int CLOSE_ALREADY_AUTHENTICATED = 4005;
    public static final int CLOSE_INVALID_SHARD = 4010;

    private GatewayOp() {
    }
}
