package fr.rdvnumerique.base.db;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database's schema as {@code information_schema} describes it: one line per table, column, index, constraint,
 * view, trigger and routine, sorted, so that two installs compare line by line. Names of the schema itself are
 * left out (two installs have different database names); Flyway's own history table too (Flyway keeps it).
 */
record SchemaSnapshot(SortedSet<String> facts) {

    private static final String HISTORY = "flyway_schema_history";

    static SchemaSnapshot of(JdbcTemplate jdbc, String schema) {
        var facts = new TreeSet<String>();
        jdbc.query("""
                select table_name, table_type, engine, table_collation, create_options from information_schema.tables
                where table_schema = ? and table_name <> ?""", rs -> {
            facts.add("table " + rs.getString(1) + " " + rs.getString(2) + " engine=" + rs.getString(3) + " collation="
                    + rs.getString(4) + " options=" + rs.getString(5));
        }, schema, HISTORY);
        jdbc.query("""
                select table_name, column_name, ordinal_position, column_type, is_nullable, column_default, extra,
                    character_set_name, collation_name, generation_expression, column_comment
                from information_schema.columns where table_schema = ? and table_name <> ?""", rs -> {
            facts.add("column " + rs.getString(1) + "." + rs.getString(2) + " #" + rs.getInt(3) + " " + rs.getString(4)
                    + " nullable=" + rs.getString(5) + " default=" + rs.getString(6) + " extra=" + rs.getString(7)
                    + " charset=" + rs.getString(8) + " collation=" + rs.getString(9) + " generated="
                    + rs.getString(10) + " comment=" + rs.getString(11));
        }, schema, HISTORY);
        // One line per index: its columns in order, with prefix lengths.
        Map<String, List<String>> indexes = new LinkedHashMap<>();
        jdbc.query("""
                select table_name, index_name, non_unique, index_type, column_name, sub_part
                from information_schema.statistics where table_schema = ? and table_name <> ?
                order by table_name, index_name, seq_in_index""", rs -> {
            String key = "index " + rs.getString(1) + "." + rs.getString(2) + " unique=" + (rs.getInt(3) == 0)
                    + " type=" + rs.getString(4);
            String part = rs.getString(6);
            indexes.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getString(5) + (part == null ? "" : "(" + part + ")"));
        }, schema, HISTORY);
        indexes.forEach((key, columns) -> facts.add(key + " on " + columns));
        jdbc.query("""
                select table_name, constraint_name, constraint_type from information_schema.table_constraints
                where constraint_schema = ? and table_name <> ?""", rs -> {
            facts.add("constraint " + rs.getString(1) + "." + rs.getString(2) + " " + rs.getString(3));
        }, schema, HISTORY);
        Map<String, List<String>> foreignKeys = new LinkedHashMap<>();
        jdbc.query("""
                select k.table_name, k.constraint_name, k.column_name, k.referenced_table_name, k.referenced_column_name,
                    r.update_rule, r.delete_rule
                from information_schema.key_column_usage k
                join information_schema.referential_constraints r
                  on r.constraint_schema = k.constraint_schema and r.constraint_name = k.constraint_name
                     and r.table_name = k.table_name
                where k.constraint_schema = ? order by k.table_name, k.constraint_name, k.ordinal_position""", rs -> {
            String key = "foreign key " + rs.getString(1) + "." + rs.getString(2) + " -> " + rs.getString(4)
                    + " on update " + rs.getString(6) + " on delete " + rs.getString(7);
            foreignKeys.computeIfAbsent(key, k -> new ArrayList<>()).add(rs.getString(3) + "=" + rs.getString(5));
        }, schema);
        foreignKeys.forEach((key, columns) -> facts.add(key + " " + columns));
        jdbc.query("""
                select table_name, constraint_name, check_clause from information_schema.check_constraints
                where constraint_schema = ?""", rs -> {
            facts.add("check " + rs.getString(1) + "." + rs.getString(2) + " " + rs.getString(3));
        }, schema);
        jdbc.query("select table_name, view_definition from information_schema.views where table_schema = ?", rs -> {
            facts.add("view " + rs.getString(1) + " " + withoutSchema(rs.getString(2), schema));
        }, schema);
        jdbc.query("""
                select trigger_name, event_object_table, action_timing, event_manipulation, action_statement
                from information_schema.triggers where trigger_schema = ?""", rs -> {
            facts.add("trigger " + rs.getString(1) + " " + rs.getString(3) + " " + rs.getString(4) + " on "
                    + rs.getString(2) + " " + withoutSchema(rs.getString(5), schema));
        }, schema);
        jdbc.query("""
                select routine_name, routine_type, routine_definition from information_schema.routines
                where routine_schema = ?""", rs -> {
            facts.add("routine " + rs.getString(2) + " " + rs.getString(1) + " " + withoutSchema(rs.getString(3), schema));
        }, schema);
        return new SchemaSnapshot(facts);
    }

    /** What this schema has that the other lacks. */
    SortedSet<String> missingFrom(SchemaSnapshot other) {
        var missing = new TreeSet<>(facts);
        missing.removeAll(other.facts);
        return missing;
    }

    boolean hasTable(String name) {
        return facts.stream().anyMatch(fact -> fact.startsWith("table " + name + " "));
    }

    private static String withoutSchema(String text, String schema) {
        return text == null ? null : text.replace("`" + schema + "`.", "").replace(schema + ".", "");
    }
}
