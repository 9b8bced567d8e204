package dev.rounds.checklist;

import dev.rounds.core.ProblemTitle;
import dev.rounds.core.RoundsException;
import java.util.List;
import java.util.Optional;

/** Every framework catalog of a checklist folder, in id order. */
public record Frameworks(List<Framework> all) {

    public static final Frameworks NONE = new Frameworks(List.of());

    public Frameworks {
        all = List.copyOf(all);
    }

    public Optional<Framework> framework(String id) {
        return all.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /** The control a reference names, if its framework and control exist. */
    public Optional<Control> control(ControlRef ref) {
        return framework(ref.framework()).flatMap(f -> f.control(ref.control()));
    }

    /** The control's title as its catalog has it, or the reference itself where the catalog gives none. */
    public String titleOf(ControlRef ref) {
        return control(ref).map(Control::title).filter(t -> !t.isBlank()).orElse(ref.toString());
    }

    /**
     * The frameworks a report covers: all for {@code null} or blank, else the one named; a 400 problem naming the
     * frameworks there are when there is no such one.
     */
    public List<Framework> selected(String id) {
        if (id == null || id.isBlank()) return all;
        String wanted = id.trim();
        return List.of(framework(wanted)
                .orElseThrow(() -> new RoundsException(
                        400,
                        ProblemTitle.INVALID_QUERY_PARAMETER,
                        "'framework': the checklists have no framework '" + wanted + "'; they have "
                                + (all.isEmpty()
                                        ? "none (add catalogs under frameworks/ in the checklist folder)"
                                        : String.join(", ", ids())))));
    }

    public List<String> ids() {
        return all.stream().map(Framework::id).toList();
    }
}
