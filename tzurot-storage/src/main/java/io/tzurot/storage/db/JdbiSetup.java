package io.tzurot.storage.db;

import com.pgvector.PGvector;
import java.sql.Types;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.postgresql.util.PGobject;

/** Registers the dialect-aware bindings for {@link JsonText} and {@link Embedding}. */
final class JdbiSetup {

    private JdbiSetup() {
    }

    static void configure(Jdbi jdbi, Dialect dialect) {
        jdbi.registerArgument(new JsonArgumentFactory(dialect));
        jdbi.registerArgument(new EmbeddingArgumentFactory(dialect));
        jdbi.registerColumnMapper(Embedding.class, embeddingMapper(dialect));
    }

    private static final class JsonArgumentFactory extends AbstractArgumentFactory<JsonText> {
        private final Dialect dialect;

        JsonArgumentFactory(Dialect dialect) {
            super(Types.OTHER);
            this.dialect = dialect;
        }

        @Override
        protected Argument build(JsonText value, ConfigRegistry config) {
            if (dialect == Dialect.POSTGRESQL) {
                return (position, statement, ctx) -> {
                    PGobject json = new PGobject();
                    json.setType("jsonb");
                    json.setValue(value.json());
                    statement.setObject(position, json);
                };
            }
            return (position, statement, ctx) -> statement.setString(position, value.json());
        }
    }

    private static final class EmbeddingArgumentFactory extends AbstractArgumentFactory<Embedding> {
        private final Dialect dialect;

        EmbeddingArgumentFactory(Dialect dialect) {
            super(Types.OTHER);
            this.dialect = dialect;
        }

        @Override
        protected Argument build(Embedding value, ConfigRegistry config) {
            if (dialect == Dialect.POSTGRESQL) {
                return (position, statement, ctx) -> statement.setObject(position, new PGvector(value.values()));
            }
            return (position, statement, ctx) -> statement.setBytes(position, Embedding.toBytes(value.values()));
        }
    }

    private static ColumnMapper<Embedding> embeddingMapper(Dialect dialect) {
        return (rs, column, ctx) -> {
            if (dialect == Dialect.POSTGRESQL) {
                Object o = rs.getObject(column);
                if (o == null) {
                    return null;
                }
                return new Embedding(new PGvector(o.toString()).toArray());
            }
            byte[] bytes = rs.getBytes(column);
            return bytes == null ? null : new Embedding(Embedding.fromBytes(bytes));
        };
    }
}
