package org.pacesim;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The rules of the code base that a compiler does not check: data flows one way (file -> scenario -> graph ->
 * engine -> results -> reports), read by ArchUnit from the compiled classes, and no global SSJ state is used (every clock-bound object is built with the
 * replication's simulator; streams are made only by the stream bank).
 */
class ArchitectureTest {
    private static final Path MAIN = Path.of("src/main/java/org/pacesim");

    /** A class extending SSJ's Event (not a type bound such as {@code <E extends Event>}). */
    private static final Pattern EVENT_SUBCLASS = Pattern.compile("class \\w+ extends Event\\b");

    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.pacesim\\.([a-z]+)\\.", Pattern.MULTILINE);

    /** The project's classes, as compiled (so fully qualified names and nested classes count too). */
    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.pacesim");

    /**
     * Data flows one way: a file becomes a scenario (with its calendar), then a graph, streams and the engine's
     * replications, their statistics, experiments, and last the report and its charts; the command line uses all.
     * Each layer may use only the layers it names. Records (an authority's tracking data) and fit (estimates
     * from them) sit beside stats and experiment: fit uses records; experiment, report (with its charts), bench and
     * cli use fit. The report and its charts read results, never the engine that made them.
     */
    @Test
    void everyPackageUsesOnlyTheLayersBelowIt() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("calendar").definedBy("org.pacesim.calendar..")
                .layer("scenario").definedBy("org.pacesim.scenario..")
                .layer("random").definedBy("org.pacesim.random..")
                .layer("graph").definedBy("org.pacesim.graph..")
                .layer("stats").definedBy("org.pacesim.stats..")
                .layer("records").definedBy("org.pacesim.records..")
                .layer("engine").definedBy("org.pacesim.engine..")
                .layer("fit").definedBy("org.pacesim.fit..")
                .layer("experiment").definedBy("org.pacesim.experiment..")
                .layer("charts").definedBy("org.pacesim.report.charts..")
                .layer("report").definedBy(JavaClass.Predicates.resideInAPackage("org.pacesim.report"))
                .layer("bench").definedBy("org.pacesim.bench..")
                .layer("cli").definedBy("org.pacesim.cli..")
                .layer("version").definedBy(JavaClass.Predicates.resideInAPackage("org.pacesim"))
                .whereLayer("calendar").mayNotAccessAnyLayer()
                .whereLayer("scenario").mayOnlyAccessLayers("calendar")
                .whereLayer("random").mayOnlyAccessLayers("scenario", "calendar")
                .whereLayer("graph").mayOnlyAccessLayers("scenario", "random", "calendar")
                .whereLayer("stats").mayOnlyAccessLayers("scenario", "calendar")
                .whereLayer("records").mayOnlyAccessLayers("scenario", "graph", "calendar")
                .whereLayer("engine").mayOnlyAccessLayers("scenario", "random", "graph", "stats", "calendar")
                .whereLayer("fit").mayOnlyAccessLayers("scenario", "random", "graph", "stats", "engine", "records",
                        "calendar")
                .whereLayer("experiment").mayOnlyAccessLayers("scenario", "random", "graph", "stats", "engine",
                        "records", "fit", "calendar")
                .whereLayer("charts").mayOnlyAccessLayers("scenario", "random", "graph", "stats", "records", "fit",
                        "experiment", "calendar")
                .whereLayer("report").mayOnlyAccessLayers("scenario", "random", "graph", "stats", "records", "fit",
                        "experiment", "charts", "calendar", "version")
                .whereLayer("bench").mayOnlyAccessLayers("scenario", "random", "graph", "stats", "engine", "records",
                        "fit", "experiment", "calendar")
                .whereLayer("version").mayNotAccessAnyLayer()
                .check(CLASSES);
    }

    /** No two packages (report and report.charts counted apart) use each other, however indirectly. */
    @Test
    void noCyclesBetweenPackages() {
        slices().matching("org.pacesim.(**)").should().beFreeOfCycles().check(CLASSES);
    }

    /**
     * Results carry what reports need (the checked scenario, its graph, the names behind the result arrays) and
     * nothing that runs, so that a report or chart can be written, read and tested without the engine.
     */
    @Test
    void theReportAndItsChartsDoNotKnowTheEngine() {
        noClasses().that().resideInAnyPackage("org.pacesim.report..")
                .should().dependOnClassesThat().resideInAPackage("org.pacesim.engine..")
                .check(CLASSES);
    }

    /**
     * The estimators of {@code pace fit} know nothing of files, scenarios or the engine, so the statistics can be
     * tested and reused on their own; what reads records and scenarios for them may share their package.
     */
    @Test
    void theFitEstimatorsUseNothingElseOfTheProject() {
        noClasses().that().haveNameMatching("org\\.pacesim\\.fit\\.(Spell|Estimate|Family|Parametric|CensoredLikelihood"
                        + "|DurationFit|KaplanMeier|CompetingRisks|ArrivalRate)(\\$.*)?")
                .should().dependOnClassesThat(JavaClass.Predicates.resideInAPackage("org.pacesim..")
                        .and(DescribedPredicate.not(JavaClass.Predicates.resideInAPackage("org.pacesim.fit"))))
                .check(CLASSES);
    }

    @Test
    void noGlobalSsjStateAndStreamsOnlyFromTheBank() throws IOException {
        Map<String, Pattern> banned = Map.of(
                "the static Sim facade", Pattern.compile("\\bSim\\.[a-z]"),
                "an Event bound to the default simulator", Pattern.compile("new Event\\(\\s*\\)"),
                "an Accumulate bound to the default simulator", Pattern.compile("new Accumulate\\(\\s*\\)"),
                "a list bound to the default simulator", Pattern.compile("new (LinkedListStat|ListWithStat)<[^>]*>\\(\\s*\\)"),
                "a stream made outside the stream bank", Pattern.compile("new MRG32k3a\\("));
        List<String> violations = new ArrayList<>();
        for (Path f : sources()) {
            String text = Files.readString(f);
            if (EVENT_SUBCLASS.matcher(text).find() && !Pattern.compile("super\\(\\s*[^)\\s]").matcher(text).find()) {
                violations.add(f + ": an Event subclass must pass its simulator to super(...)");
            }
            for (Map.Entry<String, Pattern> b : banned.entrySet()) {
                if (b.getValue().matcher(text).find() && !(f.endsWith("StreamBank.java") && b.getKey().contains("stream"))) {
                    violations.add(f + ": " + b.getKey());
                }
            }
        }
        assertEquals(List.of(), violations);
    }

    private static List<Path> sources() throws IOException {
        try (Stream<Path> s = Files.walk(MAIN)) {
            return s.filter(p -> p.toString().endsWith(".java")).toList();
        }
    }
}
