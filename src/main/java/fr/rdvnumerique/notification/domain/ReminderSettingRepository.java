package fr.rdvnumerique.notification.domain;

import static fr.rdvnumerique.base.db.UtcColumns.toDb;

import fr.rdvnumerique.notification.internal.ReminderActivity;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The {@code reminder_setting} table: offsets in minutes, comma-separated ("2880,1440"). */
@Repository
public class ReminderSettingRepository {

    public static final String STRUCTURE = "STRUCTURE";
    public static final String OVERRIDE = "OVERRIDE";

    private final JdbcTemplate jdbc;

    ReminderSettingRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A setting row. */
    public record Setting(ReminderActivity activity, String level, long ownerId, long structureId, List<Duration> offsets) {
    }

    public Optional<List<Duration>> find(ReminderActivity activity, String level, long ownerId) {
        return jdbc.queryForList("select offsets from reminder_setting where activity = ? and level = ? and owner_id = ?",
                String.class, activity.name(), level, ownerId).stream().findFirst().map(ReminderSettingRepository::parse);
    }

    public void save(ReminderActivity activity, String level, long ownerId, long structureId, List<Duration> offsets,
                     Instant now) {
        jdbc.update("""
                insert into reminder_setting (activity, level, owner_id, structure_id, offsets, updated_at)
                values (?, ?, ?, ?, ?, ?)
                on duplicate key update offsets = values(offsets), structure_id = values(structure_id),
                    updated_at = values(updated_at)""",
                activity.name(), level, ownerId, structureId, format(offsets), toDb(now));
    }

    public void delete(ReminderActivity activity, String level, long ownerId, long structureId) {
        jdbc.update("delete from reminder_setting where activity = ? and level = ? and owner_id = ? and structure_id = ?",
                activity.name(), level, ownerId, structureId);
    }

    public List<Setting> ofStructure(long structureId) {
        return jdbc.query("""
                select activity, level, owner_id, structure_id, offsets from reminder_setting
                where structure_id = ? order by level desc, activity, owner_id""",
                (rs, n) -> new Setting(ReminderActivity.valueOf(rs.getString(1)), rs.getString(2), rs.getLong(3),
                        rs.getLong(4), parse(rs.getString(5))), structureId);
    }

    static List<Duration> parse(String minutes) {
        if (minutes == null || minutes.isBlank()) {
            return List.of();
        }
        return Arrays.stream(minutes.split(",")).map(m -> Duration.ofMinutes(Long.parseLong(m.strip()))).toList();
    }

    static String format(List<Duration> offsets) {
        return offsets.stream().map(d -> Long.toString(d.toMinutes())).collect(Collectors.joining(","));
    }
}
