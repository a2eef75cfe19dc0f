package io.tzurot.storage.db;

import com.pgvector.PGvector;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Types;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.AbstractArgumentFactory;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.config.ConfigRegistry;
import org.jdbi.v3.core.mapper.ColumnMapper;
import org.postgresql.core.BaseConnection;
import org.postgresql.core.Oid;
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
                return (position, statement, ctx) -> {
                    sendVectorsInBinary(statement.getConnection());
                    statement.setObject(position, new PGvector(value.values()));
                };
            }
            return (position, statement, ctx) -> statement.setBytes(position, Embedding.toBytes(value.values()));
        }
    }

    /**
     * Lets the driver send a {@link PGvector} in pgvector's binary form (4 bytes a dimension) instead of its text: the
     * text form wrote 384 floats as decimals on every bind (JFR: 4.5 % of a worker's CPU) and PostgreSQL parsed them
     * back. The driver sends a {@code PGBinaryObject} in binary only for types it was told of; the vector type's oid
     * is the database's own, so each connection is told once, on its first bind (a set: telling twice is harmless).
     */
    private static void sendVectorsInBinary(Connection connection) throws SQLException {
        BaseConnection pg = connection.unwrap(BaseConnection.class);
        int oid = pg.getTypeInfo().getPGType("vector");
        if (oid != Oid.UNSPECIFIED && !pg.binaryTransferSend(oid)) {
            pg.getQueryExecutor().addBinarySendOid(oid);
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
