package org.quartermaster.infra.boot;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class KafkaLogLevelDefaultsTest {

    @Test
    void quietsKafkaUnlessTheApplicationSaysOtherwise() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application",
                Map.of("logging.level.org.apache.kafka", "INFO")));

        new KafkaLogLevelDefaults().postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty("logging.level.kafka")).isEqualTo("WARN");
        assertThat(environment.getProperty("logging.level.state.change.logger")).isEqualTo("WARN");
        assertThat(environment.getProperty("logging.level.org.apache.kafka")).isEqualTo("INFO");
    }
}
