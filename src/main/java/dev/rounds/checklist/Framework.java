package dev.rounds.checklist;

import java.util.List;
import java.util.Optional;

/**
 * A catalog of controls that activities can say they implement, read from {@code frameworks/<file>.yaml} in the
 * checklist folder.
 *
 * @param id how references name it, e.g. {@code nist-800-53r5}
 * @param source where the ids (and titles, where shipped) come from
 * @param file the file name relative to the checklist folder, e.g. {@code frameworks/nist-800-53r5.yaml}
 */
public record Framework(String id, String title, String source, List<Control> controls, String file, String sha256) {

    public Framework {
        controls = List.copyOf(controls);
    }

    public Optional<Control> control(String controlId) {
        return controls.stream().filter(c -> c.id().equals(controlId)).findFirst();
    }
}
