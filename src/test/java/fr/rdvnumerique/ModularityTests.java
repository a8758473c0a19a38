package fr.rdvnumerique;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Modules talk through their public API (root package) and events, never through each other's internals. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(Application.class);

    @Test
    void modules_respect_their_boundaries() {
        modules.verify();
    }

    @Test
    void writes_module_documentation() throws IOException {
        Path folder = Path.of("target", "spring-modulith-docs");
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder(folder.toString()))
                .writeDocumentation().writeIndividualModulesAsPlantUml();
        assertThat(folder.resolve("components.puml")).as("the diagram of all modules").isNotEmptyFile();
        assertThat(Files.readString(folder.resolve("components.puml"))).contains("Territoire", "Base");
        for (var module : modules) {
            assertThat(folder.resolve("module-" + module.getIdentifier() + ".puml")).as("diagram of %s", module.getIdentifier())
                    .isNotEmptyFile();
            assertThat(folder.resolve("module-" + module.getIdentifier() + ".adoc")).as("canvas of %s", module.getIdentifier())
                    .isNotEmptyFile();
        }
    }
}
