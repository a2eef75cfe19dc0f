/**
 * The HTTP face on Javalin: {@code /health}, {@code /metrics}, the {@code /api/v1} API and the web console.
 */
package io.tzurot.web;
