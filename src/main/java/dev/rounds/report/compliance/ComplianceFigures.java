package dev.rounds.report.compliance;

import java.math.BigDecimal;

/**
 * Compliance of one scope over a period: completed on time / (due − waived); see DESIGN "Occurrences and
 * compliance".
 *
 * @param scope {@code overall}, {@code checklist:<id>}, {@code owner:<name>} or, in a calendar, {@code day:<date>}
 * @param due occurrences that came due in the period (retired ones are not counted)
 * @param onTime completed by their due time: {@code passed} or {@code done}
 * @param late completed after due, within their period
 * @param missed not completed
 * @param waived excused, so not held against anyone
 * @param compliance {@code onTime / (due − waived)} as an exact decimal rounded down to 8 places (2/3 is
 *     0.66666666, and 19,999 of 20,000 never reads as 100%), or {@code null} when nothing counted was due
 */
public record ComplianceFigures(
        String scope, int due, int onTime, int late, int missed, int waived, BigDecimal compliance) {}
