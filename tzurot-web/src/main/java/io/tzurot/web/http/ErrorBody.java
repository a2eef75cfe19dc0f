package io.tzurot.web.http;

/** The error shape of every route: {@code {error, message, field}}. */
public record ErrorBody(String error, String message, String field) {
}
