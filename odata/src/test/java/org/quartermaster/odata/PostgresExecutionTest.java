package org.quartermaster.odata;

import static org.assertj.core.api.Assertions.assertThat;
import static org.quartermaster.odata.GraphModels.ALL_TYPES;
import static org.quartermaster.odata.GraphModels.query;

import java.io.File;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs generated fragments on a real PostgreSQL: proves the SQL parses, the Java values bind to the column
 * types, and LIKE escaping and null handling select exactly the rows OData semantics call for.
 */
class PostgresExecutionTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("(?<!:):([A-Za-z][A-Za-z0-9]*)");

    private static EmbeddedPostgres postgres;
    private static Connection connection;

    @BeforeAll
    static void startDatabase() throws IOException, SQLException {
        File log = File.createTempFile("odata-postgres", ".log");
        log.deleteOnExit();
        postgres = EmbeddedPostgres.builder().setOutputRedirector(ProcessBuilder.Redirect.appendTo(log)).start();
        connection = postgres.getPostgresDatabase().getConnection();
        try (Statement statement = connection.createStatement()) {
            statement.execute("""
                    CREATE TABLE things (
                      id uuid PRIMARY KEY, name text, other_name text, enabled boolean, size bigint, other_size bigint,
                      created_at timestamptz, state text, other_state text, owner_id uuid)""");
            statement.execute("""
                    INSERT INTO things VALUES
                      ('00000000-0000-4000-8000-000000000001', 'Staff Room',   'staff room', true,  10, 20, '2024-01-01T00:00:00Z', 'delivered',          'on',  '4e6c0b1f-5d3a-4c2e-8f9b-7a6d5c4b3a21'),
                      ('00000000-0000-4000-8000-000000000002', '50% off',      null,         false, 20, 20, '2024-06-01T00:00:00Z', 'expired',            'off', null),
                      ('00000000-0000-4000-8000-000000000003', 'snake_case',   null,         null,  30, 10, '2023-01-01T00:00:00Z', 'partiallyDelivered', null,  null),
                      ('00000000-0000-4000-8000-000000000004', 'C:\\temp',     null,         true,  40, 40, null,                   null,                 null,  null),
                      ('00000000-0000-4000-8000-000000000005', 'O''Neil',      null,         true,  50, 60, '2025-01-01T12:00:00+02:00', 'delivered',     null,  null),
                      ('00000000-0000-4000-8000-000000000006', null,           null,         false, 60, 0,  '2024-01-01T00:00:00Z', 'delivering',         null,  null),
                      ('00000000-0000-4000-8000-000000000007', 'snakeXcase',   null,         false, 70, 0,  '2024-01-01T00:00:00Z', 'delivered',          null,  null)
                    """);
        }
    }

    @AfterAll
    static void stopDatabase() throws Exception {
        if (connection != null) {
            connection.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void likeWildcardsInUserTextMatchLiterally() throws SQLException {
        assertThat(ids("contains(name,'%')")).containsExactly(2);
        assertThat(ids("contains(name,'_')")).containsExactly(3);
        assertThat(ids("contains(name,'\\')")).containsExactly(4);
        assertThat(ids("startswith(name,'snake_')")).containsExactly(3);
        assertThat(ids("endswith(name,'Room')")).containsExactly(1);
    }

    @Test
    void graphDocContainsToLowerIsCaseInsensitiveOnlyThroughTolower() throws SQLException {
        assertThat(ids("contains(tolower(name),'staff')")).containsExactly(1);
        assertThat(ids("contains(name,'staff')")).isEmpty();
        assertThat(ids("toupper(name) eq 'STAFF ROOM'")).containsExactly(1);
    }

    @Test
    void nullSemanticsFollowOData() throws SQLException {
        assertThat(ids("name eq null")).containsExactly(6);
        assertThat(ids("name ne null")).containsExactly(1, 2, 3, 4, 5, 7);
        assertThat(ids("name ne 'Staff Room'")).as("ne keeps NULL rows").containsExactly(2, 3, 4, 5, 6, 7);
        assertThat(ids("not (name eq 'Staff Room')")).as("not keeps NULL rows").containsExactly(2, 3, 4, 5, 6, 7);
        assertThat(ids("enabled")).containsExactly(1, 4, 5);
        assertThat(ids("not enabled")).containsExactly(2, 3, 6, 7);
    }

    @Test
    void typedLiteralsBindToTheirColumns() throws SQLException {
        assertThat(ids("id eq '00000000-0000-4000-8000-000000000003'")).containsExactly(3);
        assertThat(ids("owner/id eq 4e6c0b1f-5d3a-4c2e-8f9b-7a6d5c4b3a21")).containsExactly(1);
        assertThat(ids("createdDateTime ge 2024-06-01T00:00:00Z")).containsExactly(2, 5);
        assertThat(ids("createdDateTime lt 2025-01-01T10:00:01Z and createdDateTime gt 2025-01-01T09:59:59Z"))
                .as("+02:00 offset compares as the same instant").containsExactly(5);
        assertThat(ids("size gt 45 and size le 60")).containsExactly(5, 6);
        assertThat(ids("size lt 25.5")).containsExactly(1, 2);
        assertThat(ids("enabled eq false")).containsExactly(2, 6, 7);
        assertThat(ids("size lt otherSize")).containsExactly(1, 5);
    }

    @Test
    void enumsAndInLists() throws SQLException {
        assertThat(ids("state eq 'Delivered'")).containsExactly(1, 5, 7);
        assertThat(ids("state in ('EXPIRED','partiallydelivered')")).containsExactly(2, 3);
        assertThat(ids("state ne 'delivered'")).containsExactly(2, 3, 4, 6);
    }

    @Test
    void precedenceSelectsTheExpectedRows() throws SQLException {
        assertThat(ids("state eq 'delivered' and size gt 20 or size eq 20")).containsExactly(2, 5, 7);
        assertThat(ids("state eq 'delivered' and (size gt 20 or size eq 10)")).containsExactly(1, 5, 7);
        assertThat(ids("not state eq 'delivered' and enabled")).containsExactly(4);
    }

    @Test
    void injectionAttemptIsJustAStringThatMatchesNothing() throws SQLException {
        assertThat(ids("name eq 'x'' OR ''1''=''1'")).isEmpty();
        assertThat(ids("name eq 'O''Neil'")).containsExactly(5);
        assertThat(ids("name eq ''';DROP TABLE things;--'")).isEmpty();
        assertThat(ids("size gt 0")).hasSize(7);
    }

    @Test
    void skipTokensPageThroughTiesWithoutGapsOrDuplicates() throws SQLException {
        List<Integer> all = new ArrayList<>();
        Map<String, String> parameters = new java.util.HashMap<>(Map.of("$orderby", "createdDateTime desc", "$top", "2"));
        for (int page = 0; page < 10; page++) {
            CollectionQuery query = ODataQueryParser.parse(parameters, ALL_TYPES, 100);
            // The caller's own parameters sit next to ours; they just must not be named f<digits>.
            List<Integer> rows = run("SELECT id FROM things ORDER BY " + query.orderByClause() + " LIMIT :limit OFFSET :offset",
                    Map.of("limit", query.fetchLimit(), "offset", query.skip()));
            all.addAll(rows.subList(0, Math.min(rows.size(), query.top())));
            if (rows.size() <= query.top()) {
                break;
            }
            parameters.put("$skiptoken", query.nextSkipToken());
        }

        assertThat(all).hasSize(7).doesNotHaveDuplicates();
        assertThat(new HashSet<>(all)).containsExactlyInAnyOrder(1, 2, 3, 4, 5, 6, 7);
        assertThat(all).as("NULL created_at sorts first on DESC in PostgreSQL; ties broken by id")
                .containsExactly(4, 5, 2, 1, 6, 7, 3);
    }

    private static List<Integer> ids(String filter) throws SQLException {
        SqlFragment where = query(ALL_TYPES, "$filter", filter).where().orElseThrow();
        return run("SELECT id FROM things WHERE " + where.sql() + " ORDER BY id", where.parameters());
    }

    /** Rewrites named parameters to JDBC '?' (each name occurs once), as DatabaseClient does, and returns the ids' suffixes. */
    private static List<Integer> run(String sql, Map<String, Object> parameters) throws SQLException {
        List<Object> ordered = new ArrayList<>();
        Matcher matcher = PLACEHOLDER.matcher(sql);
        StringBuilder jdbc = new StringBuilder();
        while (matcher.find()) {
            ordered.add(parameters.get(matcher.group(1)));
            matcher.appendReplacement(jdbc, "?");
        }
        matcher.appendTail(jdbc);
        assertThat(ordered).hasSameSizeAs(parameters.values());
        try (PreparedStatement statement = connection.prepareStatement(jdbc.toString())) {
            for (int i = 0; i < ordered.size(); i++) {
                statement.setObject(i + 1, ordered.get(i));
            }
            List<Integer> ids = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    String id = rows.getString(1);
                    ids.add(Integer.parseInt(id.substring(id.length() - 2)));
                }
            }
            return ids;
        }
    }
}
