package org.homeward.app.backup;

import java.nio.file.Path;
import org.homeward.app.HomewardSettings;
import org.homeward.app.privacy.MasterKeyConfiguration;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Where this installation keeps its data and keys, read from the same configuration the application reads
 * (application.yml, environment, {@code --key=value} arguments), with no database or web server started.
 *
 * @param data              the embedded database's data directory
 * @param keys              its keys directory (the two database passwords)
 * @param masterKeyFile     the master key's file (key 1; later keys beside it)
 * @param givenMasterKey    the master key given from outside (Base64), or blank
 * @param checkpointKeyFile the integrity checkpoint key's file
 * @param datasourceUrl     a configured server's URL, or blank for the embedded database
 */
record Installation(Path data, Path keys, Path masterKeyFile, String givenMasterKey, Path checkpointKeyFile,
                    String datasourceUrl) {

    static Installation of(String[] springArgs) {
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(SettingsOnly.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                .properties("logging.level.root=warn")
                .run(springArgs)) {
            HomewardSettings settings = context.getBean(HomewardSettings.class);
            return new Installation(settings.embeddedDatabase().directory().toAbsolutePath(),
                                    settings.embeddedDatabase().keysDirectory().toAbsolutePath(),
                                    settings.privacy().masterKeyFile().toAbsolutePath(),
                                    settings.privacy().masterKey(),
                                    MasterKeyConfiguration.besideTheMasterKey(
                                            settings, settings.integrity().checkpointKeyFile(), "checkpoint.key")
                                                          .toAbsolutePath(),
                                    context.getEnvironment().getProperty("spring.datasource.url", ""));
        }
    }

    @EnableConfigurationProperties(HomewardSettings.class)
    static class SettingsOnly {
    }
}
