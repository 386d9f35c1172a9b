package org.quartermaster.catalog.seed;

import org.quartermaster.catalog.catalogs.application.CatalogService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Makes sure the built-in General catalog exists before the service takes requests; the tutorials start by looking
 * it up. Running it again, or on two instances at once, leaves one General catalog and one CatalogCreated event.
 */
@Component
public class GeneralCatalogSeed implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(GeneralCatalogSeed.class);

  private final CatalogService catalogs;

  public GeneralCatalogSeed(CatalogService catalogs) {
    this.catalogs = catalogs;
  }

  @Override
  public void run(ApplicationArguments args) {
    var general = catalogs.ensureGeneral().block();
    log.info("built-in catalog 'General' is {}", general == null ? "missing" : general.id());
  }
}
