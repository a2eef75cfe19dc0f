package io.tzurot.testkit.discord.service;

/** A Discord API error: HTTP status, Discord's JSON error code, and its message. */
public final class ApiError extends RuntimeException {

    private final int status;
    private final int code;

    public ApiError(int status, int code, String message) {
        super(message);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public int code() {
        return code;
    }

    public static ApiError unknownChannel() {
        return new ApiError(404, 10003, "Unknown Channel");
    }

    public static ApiError unknownMessage() {
        return new ApiError(404, 10008, "Unknown Message");
    }

    public static ApiError unknownWebhook() {
        return new ApiError(404, 10015, "Unknown Webhook");
    }

    public static ApiError unknownUser() {
        return new ApiError(404, 10013, "Unknown User");
    }

    public static ApiError unknownGuild() {
        return new ApiError(404, 10004, "Unknown Guild");
    }

    public static ApiError unknownMember() {
        return new ApiError(404, 10007, "Unknown Member");
    }

    public static ApiError missingPermissions() {
        return new ApiError(403, 50013, "Missing Permissions");
    }

    public static ApiError missingAccess() {
        return new ApiError(403, 50001, "Missing Access");
    }

    public static ApiError invalidForm(String detail) {
        return new ApiError(400, 50035, "Invalid Form Body: " + detail);
    }
}
