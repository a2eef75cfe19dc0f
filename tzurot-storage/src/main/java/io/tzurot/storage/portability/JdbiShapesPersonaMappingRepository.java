package io.tzurot.storage.portability;

import io.tzurot.core.portability.ShapesPersonaMapping;
import io.tzurot.core.portability.ShapesPersonaMappingRepository;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** {@link ShapesPersonaMappingRepository} over JDBI on H2 and PostgreSQL. */
public final class JdbiShapesPersonaMappingRepository implements ShapesPersonaMappingRepository {

    private static final String COLUMNS = "id, shapes_user_id, persona_id, mapped_by, verification_status, created_at";

    private final Jdbi jdbi;
    private final String insertSql;

    public JdbiShapesPersonaMappingRepository(Database database) {
        this.jdbi = database.jdbi();
        this.insertSql = Sql.insertIfAbsent(database.dialect(), "shapes_persona_mappings", "shapes_user_id", "UUID",
                List.of("id", "shapes_user_id", "persona_id", "mapped_by=CAST(:mapped_by AS UUID)", "verification_status",
                        "created_at"));
    }

    @Override
    public boolean add(ShapesPersonaMapping m) {
        Objects.requireNonNull(m, "mapping");
        return jdbi.withHandle(h -> h.createUpdate(insertSql)
                .bind("id", m.id())
                .bind("shapes_user_id", m.shapesUserId())
                .bind("persona_id", m.personaId())
                .bindByType("mapped_by", m.mappedBy(), UUID.class)
                .bind("verification_status", m.verificationStatus())
                .bind("created_at", m.createdAt())
                .execute()) == 1;
    }

    @Override
    public Optional<ShapesPersonaMapping> findByShapesUserId(UUID shapesUserId) {
        Objects.requireNonNull(shapesUserId, "shapesUserId");
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM shapes_persona_mappings WHERE shapes_user_id = :s")
                .bind("s", shapesUserId)
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    @Override
    public List<ShapesPersonaMapping> forPersona(UUID personaId) {
        Objects.requireNonNull(personaId, "personaId");
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM shapes_persona_mappings "
                        + "WHERE persona_id = :p ORDER BY created_at, id")
                .bind("p", personaId)
                .map((rs, ctx) -> map(rs))
                .list());
    }

    @Override
    public boolean setVerificationStatus(UUID shapesUserId, String status) {
        Objects.requireNonNull(shapesUserId, "shapesUserId");
        if (status == null || status.isBlank() || status.length() > 20) {
            throw new IllegalArgumentException("verification status must be 1-20 characters");
        }
        return jdbi.withHandle(h -> h.createUpdate(
                        "UPDATE shapes_persona_mappings SET verification_status = :v WHERE shapes_user_id = :s")
                .bind("s", shapesUserId)
                .bind("v", status)
                .execute()) == 1;
    }

    private static ShapesPersonaMapping map(ResultSet rs) throws SQLException {
        return new ShapesPersonaMapping(Sql.uuid(rs, "id"), Sql.uuid(rs, "shapes_user_id"), Sql.uuid(rs, "persona_id"),
                Sql.uuid(rs, "mapped_by"), rs.getString("verification_status"), Sql.instant(rs, "created_at"));
    }
}
