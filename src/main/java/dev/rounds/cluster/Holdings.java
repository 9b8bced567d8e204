package dev.rounds.cluster;

/** What an instance holds of the shared work, reported with each check-in: the probe scheduler's share. */
public interface Holdings {

    /** How many continuous probe × target pairs this instance runs under the given view. */
    int held(ClusterView view);
}
