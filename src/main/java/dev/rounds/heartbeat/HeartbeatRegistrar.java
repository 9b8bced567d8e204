package dev.rounds.heartbeat;

import dev.rounds.checklist.Activity;
import dev.rounds.checklist.Checklist;
import dev.rounds.checklist.ChecklistSet;
import dev.rounds.checklist.ChecklistsLoaded;
import dev.rounds.checklist.ProbeSpec;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/** Gives every heartbeat the loaded checklists declare a token, as soon as a configuration is put in force. */
@ApplicationScoped
public class HeartbeatRegistrar {

    private static final Logger LOG = Logger.getLogger(HeartbeatRegistrar.class);

    @Inject
    HeartbeatService heartbeats;

    void onLoaded(@Observes ChecklistsLoaded loaded) {
        try {
            heartbeats.ensure(declared(loaded.current()));
        } catch (RuntimeException e) {
            // The configuration is in force already; a heartbeat without a token shows up as a down probe.
            LOG.errorf(e, "cannot create heartbeat tokens: %s", e.getMessage());
        }
    }

    /** The valid heartbeat names the configuration's {@code heartbeat} probes declare. */
    static Set<String> declared(ChecklistSet set) {
        Set<String> names = new TreeSet<>();
        for (Checklist checklist : set.checklists()) {
            for (Activity activity : checklist.activities()) {
                for (ProbeSpec probe : activity.probes()) {
                    Object name = probe.settings().get("name");
                    if (probe.type().equals(HeartbeatProbe.TYPE)
                            && name instanceof String text
                            && HeartbeatService.NAME.matcher(text).matches()) {
                        names.add(text);
                    }
                }
            }
        }
        return names;
    }
}
