package dev.rounds.checklist;

/** A reference from an activity to one control of one framework, written {@code framework:id}. */
public record ControlRef(String framework, String control) implements Comparable<ControlRef> {

    @Override
    public String toString() {
        return framework + ":" + control;
    }

    @Override
    public int compareTo(ControlRef other) {
        return toString().compareTo(other.toString());
    }
}
