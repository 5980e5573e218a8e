package se.partnerskap;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Partnerskap: one Spring Boot application, modules as top-level packages. */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "Partnerskap", sharedModules = "shared")
@EnableScheduling
public class PartnerskapApplication {

    public static void main(String[] args) {
        SpringApplication.run(PartnerskapApplication.class, args);
    }
}
