package org.quartermaster.directory.seed;

import org.quartermaster.directory.users.application.UserService;
import org.quartermaster.directory.users.domain.UserProfile;
import org.quartermaster.directory.users.domain.UserType;
import org.quartermaster.platform.web.GraphException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Makes sure the configured administrator exists, so a fresh devstack can be used at once.
 * Running it again, or on two instances, leaves one administrator.
 */
@Component
public class AdministratorSeed implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(AdministratorSeed.class);

  private final UserService users;
  private final String administrator;

  public AdministratorSeed(UserService users, @Value("${quartermaster.directory.seed-administrator:}") String administrator) {
    this.users = users;
    this.administrator = administrator;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (administrator.isBlank()) {
      return;
    }
    UserProfile profile = new UserProfile("Administrator", administrator, administrator,
        administrator.substring(0, administrator.indexOf('@')), true, UserType.MEMBER, null, null, null, null);
    users.get(administrator)
        .onErrorResume(GraphException.class, missing -> users.create(profile)
            .doOnNext(created -> log.info("seeded administrator {} ({})", administrator, created.id()))
            .onErrorResume(GraphException.class, raced -> users.get(administrator)))
        .then(Mono.empty())
        .block();
  }
}
