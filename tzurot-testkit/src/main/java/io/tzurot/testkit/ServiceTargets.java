package io.tzurot.testkit;

import java.util.Optional;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * The real services a contract suite may run against, from the environment (DESIGN.md §8):
 * {@code TZUROT_TEST_POSTGRES_URL}, {@code TZUROT_TEST_REDIS_URL}. When one is unset the suite is
 * skipped with a printed notice, unless {@code TZUROT_REQUIRE_SERVICES=1}, which turns the skip into a failure.
 */
public final class ServiceTargets {

    public static final String POSTGRES_VARIABLE = "TZUROT_TEST_POSTGRES_URL";
    public static final String REDIS_VARIABLE = "TZUROT_TEST_REDIS_URL";
    public static final String REQUIRE_VARIABLE = "TZUROT_REQUIRE_SERVICES";

    private ServiceTargets() {
    }

    /** The PostgreSQL URL to test against, or the test is skipped (or failed when services are required). */
    public static String postgresUrl() {
        return required(POSTGRES_VARIABLE, "PostgreSQL");
    }

    /** The Redis URL to test against, or the test is skipped (or failed when services are required). */
    public static String redisUrl() {
        return required(REDIS_VARIABLE, "Redis");
    }

    public static Optional<String> optional(String variable) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            value = System.getProperty(variable);
        }
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    public static boolean servicesRequired() {
        return "1".equals(optional(REQUIRE_VARIABLE).orElse("")) || "true".equalsIgnoreCase(optional(REQUIRE_VARIABLE).orElse(""));
    }

    private static String required(String variable, String service) {
        Optional<String> value = optional(variable);
        if (value.isPresent()) {
            return value.get();
        }
        String notice = service + " contract tests skipped: set " + variable + " to run them";
        if (servicesRequired()) {
            Assertions.fail(service + " is required (" + REQUIRE_VARIABLE + "=1) but " + variable + " is not set");
        }
        System.out.println("NOTICE: " + notice);
        Assumptions.abort(notice);
        throw new IllegalStateException("unreachable");
    }
}
