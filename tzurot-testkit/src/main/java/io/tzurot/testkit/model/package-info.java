/**
 * {@link io.tzurot.testkit.model.FakeModelServer}: an in-process OpenAI-compatible model server for tests
 * and the load benchmark, with scripted replies, errors, delays and recorded requests.
 */
package io.tzurot.testkit.model;
