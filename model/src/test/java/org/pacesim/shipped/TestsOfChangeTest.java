package org.pacesim.shipped;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pacesim.experiment.Experiment;
import org.pacesim.experiment.ScenarioResults;
import org.pacesim.report.Findings;
import org.pacesim.scenario.ExperimentLoader;
import org.pacesim.scenario.MeasureStat;
import org.pacesim.scenario.Statistic;
import org.pacesim.stats.Comparison;
import org.pacesim.stats.StageStat;

/**
 * Each shipped test-of-change scenario reproduces the direction and rough size of the effect the PACE booklet
 * reports, judged on paired replications of the main experiment (common random numbers) with 95% CIs. Sizes are
 * in weeks (the CSV files hold days). The bands are the booklet's figure with the tolerance stated per test.
 */
class TestsOfChangeTest {
    private static final double WEEK = 7;
    private static final int REPLICATIONS = 40;
    private static Experiment.Results results;

    @BeforeAll
    static void runTheMainExperiment() {
        Experiment.Options o = new Experiment.Options(2, REPLICATIONS, null, Double.NaN, REPLICATIONS, false);
        results = Experiment.run(ExperimentLoader.load(Path.of("../experiments/pace-tests-of-change.yaml")), o, null,
                null);
    }

    private static Comparison.Difference d(String scenario, String measure, Statistic statistic) {
        Comparison.Difference d = results.difference(scenario, measure, statistic);
        assertNotNull(d, scenario + " " + measure + " " + statistic);
        System.out.printf("%-45s %-24s %-13s %+8.2f (%+.2f to %+.2f)%n", scenario, measure, statistic.key(),
                scale(d, d.difference().mean()), scale(d, d.difference().low()), scale(d, d.difference().high()));
        return d;
    }

    private static double scale(Comparison.Difference d, double v) {
        return d.statistic() == MeasureStat.WITHIN_TARGET ? v : v / WEEK;
    }

    /** The effect is clear (CI excludes 0) and its mean lies in [low, high] (weeks, or a share). */
    private static void within(Comparison.Difference d, double low, double high) {
        double m = scale(d, d.difference().mean());
        assertTrue(d.clear(), "no clear effect: " + d);
        assertTrue(m >= low && m <= high, d.scenario() + ": " + m + " not in [" + low + ", " + high + "]");
    }

    @Test
    void ceaseFormEPart2SavesAboutThreeMonthsToTheAdmDecision() {
        within(d("Cease Form E part 2", "aim3", MeasureStat.MEAN), -17, -9);   // booklet: three months (13 weeks), +/-4
    }

    @Test
    void mentoringSavesAboutThreeMonthsToTheAdmDecision() {
        within(d("Mentoring after the permanence review", "aim3", MeasureStat.MEAN), -17, -9);   // booklet: three months
    }

    @Test
    void earlyLegalAdviceSavesAboutEightWeeksToTheRecommendation() {
        within(d("Early legal advice", "aim2", MeasureStat.MEAN), -11, -5);   // booklet: eight weeks, +/-3
    }

    @Test
    void fewerCourtProductionsBringTwoThirdsOfApplicationsWithinTwentyWeeks() {
        Comparison.Difference c = d("Fewer court productions", "court_time", MeasureStat.WITHIN_TARGET);
        assertTrue(c.clear() && c.difference().mean() > 0);
        assertTrue(c.scenarioMean() >= 0.60 && c.scenarioMean() <= 0.73, "share " + c.scenarioMean());   // two thirds
    }

    @Test
    void aPoReportBringsPoCasesToCourtAboutFiveWeeksEarlier() {
        within(d("PO report replaces Form E", "aim4_po", MeasureStat.MEAN), -7, -3);   // booklet: five weeks, +/-2
    }

    @Test
    void aLarAtTwoWeeksMeansMoreDecisionsByFortyWeeks() {
        within(d("LAR at two weeks", "decided_by_40w", MeasureStat.WITHIN_TARGET), 0.05, 0.5);
    }

    @Test
    void thePreBirthAlertHoldsInitialHearingsWithinTwoWeeksOfBirth() {
        Comparison.Difference c = d("SCRA pre-birth alert", "initial_hearing", MeasureStat.WITHIN_TARGET);
        assertTrue(c.scenarioMean() >= 0.95, "share within two weeks " + c.scenarioMean());
    }

    @Test
    void removingTheRatifyingLarShortensTheTimeToTheAdmDecision() {
        within(d("Remove the ratifying LAR", "aim3", MeasureStat.MEAN), -12, -3);   // the ratifying LAR's own 6-14 weeks
    }

    @Test
    void aLegalReferralFormShortensTheTimeToTheRecommendation() {
        within(d("Legal referral form", "aim2", MeasureStat.MEAN), -8, -1);   // no figure in the booklet; direction
    }

    @Test
    void recordedDeliveryReschedulesContinuedHearingsWithinTwoWeeks() {
        Comparison.Difference t = d("Recorded delivery for advice hearings", "stage:hearing_rescheduled",
                StageStat.TIME_IN_STAGE_MEAN);
        assertTrue(t.clear() && t.scenarioMean() <= 2 * WEEK, "rescheduled within " + t.scenarioMean() / WEEK + " w");
        assertTrue(d("Recorded delivery for advice hearings", "court_time", MeasureStat.MEAN).difference().high() <= 0.5 * WEEK);
    }

    @Test
    void concurrencyPlanningBringsInfantsAdoptionsForwardByMonths() {
        within(d("Concurrency planning for infants", "time_to_adoption_infants", MeasureStat.MEDIAN), -80, -26);
    }

    @Test
    void aPermanencePlanningMeetingForKinshipShortensTheTimeToAKinshipOrder() {
        within(d("Permanence Planning Meeting for kinship care", "time_to_kinship_order", MeasureStat.MEAN), -10, -1);
    }

    @Test
    void thePackageDoesMoreThanAnySingleTest() {
        double pkg = d("PACE package (all tests of change)", "time_to_permanence", MeasureStat.MEDIAN).difference().mean();
        for (ScenarioResults r : results.runs().subList(1, results.runs().size())) {
            String name = r.name();
            if (name.startsWith("PACE package")) continue;
            Comparison.Difference one = results.difference(name, "time_to_permanence", MeasureStat.MEDIAN);
            assertTrue(pkg < one.difference().mean(), "package " + pkg + " vs " + name + " " + one.difference().mean());
        }
    }

    @Test
    void theFindingsAreShortEnoughToReadInAWorkshop() {
        String findings = Findings.of(results);
        int words = findings.trim().split("\\s+").length;
        assertTrue(words < 1200, words + " words:\n" + findings);
        assertTrue(findings.indexOf("## Key figures") < findings.indexOf("## What each intervention does"), findings);
    }

    @Test
    void aPackageSaysTheNetEffectOnEachStage() {
        // The package scales legal advice by 0.75 (referral form) and again by 0.25 (early advice): x0.1875 net.
        String findings = Findings.of(results);
        assertTrue(findings.contains("Legal advice x0.19"), findings);
        assertTrue(findings.contains("removed Ratifying LAR, Form E part 2"), findings);
    }

    @Test
    void theFindingsNameStagesAndMeasuresInWordsNotIds() {
        String findings = Findings.of(results);
        for (String id : new String[] {"form_e_part2", "form e part2", "aim4 po", "aim4_po", "legal_advice"}) {
            assertTrue(!findings.contains(id), id + " in:\n" + findings);
        }
    }
}
