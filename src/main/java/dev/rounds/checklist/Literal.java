package dev.rounds.checklist;

import java.time.Duration;

/** The expected value of a condition, converted at load time to its kind. */
public sealed interface Literal {

    /** The literal as it would be written in a checklist. */
    String text();

    record Number(double value, String text) implements Literal {}

    record Time(Duration value, String text) implements Literal {}

    /** A size in bytes: {@code 512MiB}, {@code 1GB}. */
    record Size(long bytes, String text) implements Literal {}

    /** A percentage as a number of percent: {@code 99.5%} is 99.5. */
    record Percent(double percent, String text) implements Literal {}

    record Text(String value, String text) implements Literal {}

    record Bool(boolean value, String text) implements Literal {}

    /** The quoted regular expression of a {@code matches} condition, compiled once at load time. */
    record Regex(java.util.regex.Pattern value, String text) implements Literal {}
}
