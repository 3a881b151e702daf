package org.portico;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.modulith.Modulithic;

/**
 * Portico: the health plan's secure provider self-service portal.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@Modulithic(systemName = "Portico", sharedModules = "platform")
public class PorticoApplication {

	public static void main(String[] args) {
		SpringApplication.run(PorticoApplication.class, args);
	}

}
