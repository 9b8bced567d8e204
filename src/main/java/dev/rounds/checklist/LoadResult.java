package dev.rounds.checklist;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What loading a checklist folder gave: a valid configuration, or every problem found in it, sorted by place.
 *
 * @param set the configuration, or {@code null} when there are problems
 * @param problems empty when the folder is valid
 * @param files file name to SHA-256 of every file read, valid or not, so that a change can be told from none
 */
public record LoadResult(ChecklistSet set, List<Problem> problems, Map<String, String> files) {

    public LoadResult {
        problems = List.copyOf(problems);
        files = java.util.Collections.unmodifiableMap(new TreeMap<>(files));
        if ((set == null) == problems.isEmpty()) {
            throw new IllegalArgumentException("a load result holds either a configuration or problems");
        }
    }

    public boolean isValid() {
        return set != null;
    }
}
