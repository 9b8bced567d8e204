package dev.rounds.probe;

import dev.rounds.checklist.ProbeSchema;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.Target;
import java.util.concurrent.CompletionStage;

/**
 * A kind of automated check. Implementations are stateless, have a public no-argument constructor and are
 * listed in {@code META-INF/services/dev.rounds.probe.ProbeType}, so that {@code validate} can check
 * checklists without starting the application; all I/O facilities come from the {@link ProbeContext}.
 */
public interface ProbeType {

    /** The settings and operands this type accepts; {@link ProbeSchema#type()} is its YAML name. */
    ProbeSchema schema();

    /**
     * Measures the target without blocking the calling thread. The stage must complete within the
     * context's timeout: a target that hangs is {@code DOWN}, never a stuck probe.
     */
    CompletionStage<Observation> observe(ProbeSpec spec, Target target, ProbeContext context);
}
