package io.tzurot.testkit.model;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * JUnit extension owning one {@link FakeModelServer} per test class: started before all tests, reset (script,
 * recorded requests, delays) before each, closed after all. Register it as a static field:
 * {@code @RegisterExtension static final FakeModelServerExtension model = new FakeModelServerExtension();}
 */
public final class FakeModelServerExtension implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {

    private FakeModelServer server;
    /** Test classes running with it now: a {@code @Nested} class runs inside its enclosing one and shares the server. */
    private int classes;

    /** The running server; only valid while the test class runs. */
    public FakeModelServer server() {
        if (server == null) {
            throw new IllegalStateException("the fake model server runs only while the test class runs");
        }
        return server;
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        if (classes++ == 0) {
            server = FakeModelServer.start();
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        server.reset();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (--classes == 0) {
            server.close();
            server = null;
        }
    }
}
