/**
 * Test-only helpers: the fake OpenAI-compatible model server, the Discord simulator, fixtures and
 * {@link io.tzurot.testkit.ServiceTargets} for contract suites that run against real services.
 */
package io.tzurot.testkit;
