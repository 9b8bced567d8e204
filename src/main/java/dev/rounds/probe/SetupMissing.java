package dev.rounds.probe;

/**
 * A probe cannot start because Rounds lacks something (a credential, a tool, a path): thrown where a setting is read,
 * it becomes an {@code error} result carrying the {@link SetupNeed}.
 */
public class SetupMissing extends IllegalArgumentException {

    private final transient SetupNeed need;

    public SetupMissing(SetupNeed need, String message) {
        super(message);
        this.need = need;
    }

    public SetupNeed need() {
        return need;
    }
}
