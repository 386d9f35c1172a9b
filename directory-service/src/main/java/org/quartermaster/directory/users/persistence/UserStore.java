package org.quartermaster.directory.users.persistence;

import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.quartermaster.directory.users.domain.User;
import org.quartermaster.directory.users.domain.UserProfile;
import org.quartermaster.directory.users.domain.UserType;
import org.quartermaster.odata.CollectionQuery;
import org.quartermaster.odata.PropertyType;
import org.quartermaster.odata.QueryModel;
import org.quartermaster.odata.SqlFragment;
import org.quartermaster.platform.query.Page;
import org.quartermaster.platform.query.SqlPages;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The users table. */
@Repository
public class UserStore {

  public static final QueryModel QUERY_MODEL = QueryModel.builder("users")
      .property("id", "u.id", PropertyType.GUID)
      .property("displayName", "u.display_name", PropertyType.STRING)
      .property("userPrincipalName", "u.user_principal_name", PropertyType.STRING)
      .property("mail", "u.mail", PropertyType.STRING)
      .property("mailNickname", "u.mail_nickname", PropertyType.STRING)
      .property("accountEnabled", "u.account_enabled", PropertyType.BOOLEAN)
      .enumProperty("userType", "u.user_type", java.util.List.of("Member", "Guest"))
      .property("department", "u.department", PropertyType.STRING)
      .property("jobTitle", "u.job_title", PropertyType.STRING)
      .property("givenName", "u.given_name", PropertyType.STRING)
      .property("surname", "u.surname", PropertyType.STRING)
      .property("createdDateTime", "u.created_at", PropertyType.DATETIME)
      .defaultOrderBy("u.id")
      .build();

  static final String COLUMNS = "u.id, u.display_name, u.user_principal_name, u.mail, u.mail_nickname, u.account_enabled, "
      + "u.user_type, u.department, u.job_title, u.given_name, u.surname, u.manager_id, u.created_at";

  private final DatabaseClient database;

  public UserStore(DatabaseClient database) {
    this.database = database;
  }

  public Mono<User> find(UUID id) {
    return database.sql("SELECT " + COLUMNS + " FROM users u WHERE u.id = :id").bind("id", id)
        .map(UserStore::read).one();
  }

  public Mono<User> findByUserPrincipalName(String userPrincipalName) {
    return database.sql("SELECT " + COLUMNS + " FROM users u WHERE lower(u.user_principal_name) = lower(:upn)")
        .bind("upn", userPrincipalName)
        .map(UserStore::read).one();
  }

  /** Locks the row, so concurrent changes to one user serialise and their events keep commit order. */
  public Mono<User> lock(UUID id) {
    return database.sql("SELECT " + COLUMNS + " FROM users u WHERE u.id = :id FOR UPDATE").bind("id", id)
        .map(UserStore::read).one();
  }

  public Mono<Boolean> userPrincipalNameTaken(String userPrincipalName, UUID except) {
    return database.sql("SELECT count(*) AS n FROM users WHERE lower(user_principal_name) = lower(:upn) AND id <> :id")
        .bind("upn", userPrincipalName).bind("id", except)
        .map(row -> row.get("n", Long.class) > 0).one();
  }

  public Mono<Page<User>> page(CollectionQuery query, Optional<SqlFragment> scope, String from) {
    return SqlPages.fetch(database, COLUMNS, from, scope, query, UserStore::read);
  }

  public Mono<Void> insert(User user) {
    return bindProfile(database.sql("""
            INSERT INTO users (id, display_name, user_principal_name, mail, mail_nickname, account_enabled, user_type,
                               department, job_title, given_name, surname, manager_id, created_at)
            VALUES (:id, :displayName, :upn, :mail, :mailNickname, :accountEnabled, :userType,
                    :department, :jobTitle, :givenName, :surname, :managerId, :createdAt)"""), user)
        .bind("createdAt", OffsetDateTime.ofInstant(user.createdDateTime(), ZoneOffset.UTC))
        .fetch().rowsUpdated().then();
  }

  public Mono<Void> update(User user) {
    return bindProfile(database.sql("""
            UPDATE users SET display_name = :displayName, user_principal_name = :upn, mail = :mail,
                   mail_nickname = :mailNickname, account_enabled = :accountEnabled, user_type = :userType,
                   department = :department, job_title = :jobTitle, given_name = :givenName, surname = :surname,
                   manager_id = :managerId
            WHERE id = :id"""), user)
        .fetch().rowsUpdated().then();
  }

  public Mono<Void> delete(UUID id) {
    return database.sql("DELETE FROM users WHERE id = :id").bind("id", id).fetch().rowsUpdated().then();
  }

  private static DatabaseClient.GenericExecuteSpec bindProfile(DatabaseClient.GenericExecuteSpec spec, User user) {
    UserProfile profile = user.profile();
    return spec.bind("id", user.id())
        .bind("displayName", profile.displayName())
        .bind("upn", profile.userPrincipalName())
        .bind("mail", nullable(profile.mail()))
        .bind("mailNickname", nullable(profile.mailNickname()))
        .bind("accountEnabled", profile.accountEnabled())
        .bind("userType", profile.userType().graphName())
        .bind("department", nullable(profile.department()))
        .bind("jobTitle", nullable(profile.jobTitle()))
        .bind("givenName", nullable(profile.givenName()))
        .bind("surname", nullable(profile.surname()))
        .bind("managerId", user.managerId() == null ? org.springframework.r2dbc.core.Parameter.empty(UUID.class)
            : org.springframework.r2dbc.core.Parameter.from(user.managerId()));
  }

  private static org.springframework.r2dbc.core.Parameter nullable(String value) {
    return org.springframework.r2dbc.core.Parameter.fromOrEmpty(value, String.class);
  }

  static User read(Readable row) {
    UserProfile profile = new UserProfile(
        row.get("display_name", String.class),
        row.get("user_principal_name", String.class),
        row.get("mail", String.class),
        row.get("mail_nickname", String.class),
        Boolean.TRUE.equals(row.get("account_enabled", Boolean.class)),
        UserType.parse(row.get("user_type", String.class)),
        row.get("department", String.class),
        row.get("job_title", String.class),
        row.get("given_name", String.class),
        row.get("surname", String.class));
    Instant created = row.get("created_at", OffsetDateTime.class).toInstant();
    return new User(row.get("id", UUID.class), profile, row.get("manager_id", UUID.class), created);
  }
}
