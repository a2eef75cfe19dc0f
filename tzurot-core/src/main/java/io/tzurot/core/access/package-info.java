/**
 * Who may do what: bearer tokens for API clients, the operator's one-time login link, console
 * sessions, and the {@link io.tzurot.core.access.Actor} every request acts as. Secrets are stored hashed.
 */
package io.tzurot.core.access;
