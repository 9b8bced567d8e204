package dev.rounds.report;

import dev.rounds.probe.SetupNeed;
import dev.rounds.report.compliance.ComplianceFigures;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Everything the dashboard shows, computed before rendering so that the template only lays it out: each current
 * occurrence once, as a {@link Line} in {@link #lines} (failures first), and counters that count those lines.
 *
 * @param today compliance of what came due today so far
 * @param lines every current occurrence once, in {@link State} order, then by due time
 * @param counts how many lines show each state, in {@link State} order
 * @param setup what Rounds lacks before some probes can judge their targets, grouped by kind
 * @param newAdvisories stored advisories matching the inventory that nobody has triaged yet
 * @param applyingAdvisories advisories triaged as applying, not yet patched
 */
public record Dashboard(
        Instant now,
        ComplianceFigures today,
        List<Line> lines,
        List<Count> counts,
        List<SetupGroup> setup,
        long newAdvisories,
        long applyingAdvisories) {

    /**
     * Where a line stands for the operator, one per occurrence: the first that applies, in declaration order, which is
     * also the order of the list. A waived occurrence is waived whatever its probes say; a probe that needs setup or
     * is acknowledged makes no line down or error.
     */
    public enum State {
        DOWN("down", "✕", true),
        ERROR("error", "!", true),
        SETUP("needs setup", "⚙", true),
        ACKNOWLEDGED("acknowledged", "◑", true),
        OVERDUE("overdue", "◷", true),
        SIGNOFF("awaiting sign-off", "✎", true),
        OPEN("open", "○", false),
        PASSING("passing", "◔", false),
        DONE("done", "✓", true),
        WAIVED("waived", "⊘", true),
        RETIRED("retired", "–", false);

        private final String label;
        private final String icon;
        private final boolean alwaysCounted;

        State(String label, String icon, boolean alwaysCounted) {
            this.label = label;
            this.icon = icon;
            this.alwaysCounted = alwaysCounted;
        }

        public String label() {
            return label;
        }

        /** A sign besides the label, so that no state is told apart by colour alone. */
        public String icon() {
            return icon;
        }

        /** The CSS class and {@code data-state} of the state. */
        public String key() {
            return name().toLowerCase(Locale.ROOT);
        }

        /** Whether the counters show this state even when no line has it. */
        public boolean alwaysCounted() {
            return alwaysCounted;
        }
    }

    /** The one thing a line asks of the operator; {@link #NONE} where nothing is to be done. */
    public enum Action {
        SIGN_OFF("sign off"),
        ACKNOWLEDGE("acknowledge"),
        LOOK("look at failing probe"),
        SET_UP("set up"),
        NONE("");

        private final String label;

        Action(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** How many lines show a state. */
    public record Count(State state, long count) {}

    /**
     * One occurrence on the dashboard.
     *
     * @param checklistId the checklist's id, short enough for the list
     * @param checklist the checklist's title
     * @param due the due time, short and relative to today: {@code today 17:00}, {@code Fri 10:00}, {@code 3 Jan}
     * @param probes a summary of its probes, {@code 3 of 4 up}, or {@code manual}
     * @param message the one sentence that explains the state, or empty; shown once for the line
     * @param ack the acknowledgement of an acknowledged line, or {@code null}
     * @param groups its probe lines, those with the same state and message together; at most
     *     {@link DashboardLines#LISTED_GROUPS}
     * @param unlisted how many probes are in the groups not listed, which the occurrence's page lists
     */
    public record Line(
            Row row,
            String checklistId,
            String checklist,
            State state,
            String due,
            Action action,
            String probes,
            String message,
            Ack ack,
            List<ProbeGroup> groups,
            int unlisted) {

        public long id() {
            return row.id();
        }

        /** Where the action is taken: the setup panel, or the occurrence's page. */
        public String href() {
            return action == Action.SET_UP ? "#setup" : "/occurrences/" + row.id();
        }

        /** The instant of the due time, for the {@code datetime} of its {@code <time>}. */
        public String dueAt() {
            return row.dueAt() == null ? "" : row.dueAt().toString();
        }
    }

    /**
     * Probe lines of one occurrence that share a state and message, shown once with every probe it applies to.
     *
     * @param state the line's state as a CSS class: a probe status, {@code setup}, {@code acknowledged} or
     *     {@code pending}
     * @param probes {@code type → target} of each probe
     */
    public record ProbeGroup(String state, String message, Ack ack, List<String> probes) {

        public String label() {
            return state.equals("setup") ? "needs setup" : state;
        }
    }

    /** One kind of setup Rounds lacks ({@code credential}, {@code tool}, {@code path}, {@code network}). */
    public record SetupGroup(String kind, List<SetupItem> items) {}

    /**
     * One thing to configure and the probes that wait for it.
     *
     * @param fix the one line that says what to configure
     */
    public record SetupItem(String fix, List<SetupProbe> probes) {}

    /** A probe waiting for setup, with the occurrence it belongs to. */
    public record SetupProbe(long occurrenceId, String activityTitle, String probe) {}

    /** One occurrence with the latest result of each of its probes against each target. */
    public record Row(
            long id,
            String activity,
            String title,
            String status,
            String reason,
            Instant dueAt,
            String signedOffBy,
            boolean awaitingSignoff,
            List<ProbeLine> probes) {}

    /**
     * The latest result of one probe against one target; {@code status} is {@code pending} before the first.
     *
     * @param key the probe × target key that acknowledgements name
     * @param ack the acknowledgement in force, or {@code null}
     * @param setup what the probe lacks before it can judge its target, or {@code null}
     */
    public record ProbeLine(
            String key,
            String type,
            String target,
            String status,
            String message,
            Instant at,
            Ack ack,
            SetupNeed setup) {

        /** Whether the latest result fails the target: down or error, and not for want of setup. */
        public boolean failing() {
            return setup == null && (status.equals("down") || status.equals("error"));
        }

        /** Whether a person may acknowledge this probe now: it fails and nobody has acknowledged it yet. */
        public boolean acknowledgeable() {
            return ack == null && failing();
        }

        /** {@code type → target}. */
        public String label() {
            return type + " → " + target;
        }
    }

    /** Someone's acknowledgement of a failing probe: shown beside it, changing nothing else. */
    public record Ack(long id, String actor, Instant until, String reason) {}
}
