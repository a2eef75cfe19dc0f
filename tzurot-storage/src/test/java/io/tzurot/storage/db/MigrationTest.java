package io.tzurot.storage.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.storage.testing.DatabaseContract;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MigrationTest {

    abstract static class MigrationContract extends DatabaseContract {
        MigrationContract(Dialect dialect) {
            super(dialect);
        }

        @Test
        void createsTheCoreTables() {
            List<String> tables = database().jdbi().withHandle(h -> h.createQuery(
                            "SELECT lower(table_name) FROM information_schema.tables WHERE lower(table_schema) IN ('public') AND lower(table_name) IN "
                                    + "('users','personas','personalities','llm_configs','system_prompts')")
                    .mapTo(String.class).list());
            assertThat(tables).containsExactlyInAnyOrder("users", "personas", "personalities", "llm_configs", "system_prompts");
        }

        @Test
        void migratingAgainAppliesNothing() {
            assertThat(database().migrate()).isZero();
            assertThat(database().isUp()).isTrue();
        }
    }

    @Nested
    class OnH2 extends MigrationContract {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends MigrationContract {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }

        @Test
        void createsTheVectorExtension() {
            Integer n = database().jdbi().withHandle(h ->
                    h.createQuery("SELECT count(*) FROM pg_extension WHERE extname = 'vector'").mapTo(Integer.class).one());
            assertThat(n).isEqualTo(1);
        }

        @Test
        void flightRecordsAreCompressedWithLz4WhereTheServerHasIt() {
            boolean lz4 = database().jdbi().withHandle(h -> {
                try {
                    h.execute("SET default_toast_compression = 'lz4'"); // refused by a server built without lz4
                    h.execute("RESET default_toast_compression");
                    return true;
                } catch (RuntimeException e) {
                    return false;
                }
            });
            String method = database().jdbi().withHandle(h -> h.createQuery("SELECT attcompression::text FROM pg_attribute"
                    + " WHERE attrelid = 'llm_diagnostic_logs'::regclass AND attname = 'data'").mapTo(String.class).one());
            assertThat(method).isEqualTo(lz4 ? "l" : "");
        }
    }
}
