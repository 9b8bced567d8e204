package dev.rounds.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.or;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.properties.CanBeAnnotated.Predicates.annotatedWith;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.Architectures;
import com.tngtech.archunit.library.Architectures.LayeredArchitecture;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The package rules drawn in ARCHITECTURE.md, checked on the compiled classes: a feature uses only what lies below
 * it, feature packages form no cycle, and the web edge reaches the database only through the features' services.
 */
class ArchitectureTest {

    /** The layers from top to bottom, each with its packages; a layer may use the layers below it, never above. */
    static final List<Layer> LAYERS = List.of(
            new Layer("entry", "dev.rounds.cli..", "dev.rounds.lifecycle..", "dev.rounds.problem.."),
            new Layer("notifications", "dev.rounds.notify.."),
            new Layer("reports", "dev.rounds.report.."),
            new Layer(
                    "features",
                    "dev.rounds.ack..",
                    "dev.rounds.advisory..",
                    "dev.rounds.change..",
                    "dev.rounds.waiver..",
                    "dev.rounds.heartbeat..",
                    "dev.rounds.backup..",
                    "dev.rounds.account..",
                    "dev.rounds.calendar..",
                    "dev.rounds.signoff.."),
            new Layer("schedule", "dev.rounds.schedule.."),
            new Layer("probes", "dev.rounds.probe..", "dev.rounds.backupcheck.."),
            new Layer("checklists", "dev.rounds.checklist.."),
            new Layer("security", "dev.rounds.security.."),
            new Layer("cluster", "dev.rounds.cluster.."),
            new Layer("audit", "dev.rounds.audit.."),
            new Layer("base", "dev.rounds.core..", "dev.rounds.text..", "dev.rounds.web.."));

    record Layer(String name, String... packages) {}

    static final JavaClasses ROUNDS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.rounds");

    @Test
    void everyPackageUsesOnlyTheLayersBelowIt() {
        LayeredArchitecture architecture = Architectures.layeredArchitecture().consideringOnlyDependenciesInLayers();
        for (Layer layer : LAYERS) {
            architecture = architecture.layer(layer.name()).definedBy(layer.packages());
        }
        for (int i = 0; i < LAYERS.size(); i++) {
            String[] below = LAYERS.subList(i + 1, LAYERS.size()).stream()
                    .map(Layer::name)
                    .toArray(String[]::new);
            architecture = below.length == 0
                    ? architecture.whereLayer(LAYERS.get(i).name()).mayNotAccessAnyLayer()
                    : architecture.whereLayer(LAYERS.get(i).name()).mayOnlyAccessLayers(below);
        }
        architecture.check(ROUNDS);
    }

    @Test
    void everyClassLivesInALayer() {
        String[] placed = LAYERS.stream()
                .flatMap(layer -> List.of(layer.packages()).stream())
                .toArray(String[]::new);
        noClasses()
                .should()
                .resideOutsideOfPackages(placed)
                .because("every package has its place in ARCHITECTURE.md's picture")
                .check(ROUNDS);
    }

    @Test
    void noCycleBetweenFeaturePackages() {
        slices().matching("dev.rounds.(*)..").should().beFreeOfCycles().check(ROUNDS);
    }

    @Test
    void resourcesAndPagesReachTheDatabaseOnlyThroughServices() {
        noClasses()
                .that(or(annotatedWith(jakarta.ws.rs.Path.class), nameMatching(".*(Resource|Page|Pages)")))
                .should()
                .dependOnClassesThat(or(
                        resideInAnyPackage("java.sql..", "javax.sql..", "io.agroal.."),
                        nameMatching("jakarta\\.persistence\\.EntityManager.*")))
                .because("SQL lives in the feature's service or store, where it can be tested and changed in one place")
                .check(ROUNDS);
    }
}
