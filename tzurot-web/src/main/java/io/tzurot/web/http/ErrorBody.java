package io.tzurot.web.http;

/** The API's error answer: {@code {error, message, field}} ({@code field} null when no single field is at fault). */
public record ErrorBody(String error, String message, String field) {
}
