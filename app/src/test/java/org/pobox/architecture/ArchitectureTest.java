package org.pobox.architecture;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The package order of docs/ARCHITECTURE.md, lowest first: a package may use only the packages
 * listed before it. A new package must be placed in this list (an unlisted one fails the test),
 * so the order stays the one place that says which capability builds on which.
 */
class ArchitectureTest {

    static final List<String> ORDER = List.of("config", "keys", "letter", "scan", "register", "ocr", "understand", "node",
            "index", "audit", "search", "auth", "intake", "group", "pipeline", "report", "web", "cli");

    @Test
    void noPackageUsesOneAboveIt() {
        JavaClasses classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.pobox");
        LayeredArchitecture layers = layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (String p : ORDER) {
            layers = layers.layer(p).definedBy("org.pobox." + p + "..");
        }
        for (int i = 0; i < ORDER.size() - 1; i++) {
            layers = layers.whereLayer(ORDER.get(i)).mayOnlyBeAccessedByLayers(
                    ORDER.subList(i + 1, ORDER.size()).toArray(String[]::new));
        }
        layers = layers.whereLayer(ORDER.get(ORDER.size() - 1)).mayNotBeAccessedByAnyLayer();
        layers.ensureAllClassesAreContainedInArchitectureIgnoring("org.pobox.node.launcher..").check(classes);
    }
}
