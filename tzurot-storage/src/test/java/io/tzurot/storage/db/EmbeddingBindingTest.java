package io.tzurot.storage.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.storage.testing.DatabaseContract;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.postgresql.core.BaseConnection;

/** A vector bound as a parameter reaches the database exactly, on PostgreSQL in pgvector's binary form. */
class EmbeddingBindingTest {

    /** Values whose decimal text would be long or lossy if printed carelessly. */
    private static final float[] VALUES = {0.1f, -0.0f, 1.0e-30f, 3.4e38f, -1.17549435e-38f, 0.333333343f, 1.0f / 3};

    abstract static class Contract extends DatabaseContract {
        Contract(Dialect dialect) {
            super(dialect);
        }

        @Test
        void aBoundVectorComesBackBitForBit() {
            Embedding back = database().jdbi().withHandle(h -> h.createQuery("SELECT :v AS v")
                    .bind("v", new Embedding(VALUES)).mapTo(Embedding.class).one());
            assertThat(back.values()).containsExactly(VALUES);
        }
    }

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends Contract {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }

        @Test
        void theDriverIsToldToSendVectorsInBinary() throws Exception {
            boolean binary = database().jdbi().withHandle(h -> {
                h.createQuery("SELECT :v::text").bind("v", new Embedding(VALUES)).mapTo(String.class).one();
                BaseConnection pg = h.getConnection().unwrap(BaseConnection.class);
                return pg.binaryTransferSend(pg.getTypeInfo().getPGType("vector"));
            });
            assertThat(binary).isTrue();
        }
    }
}
