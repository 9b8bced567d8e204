package dev.rounds.probe;

/**
 * What a probe lacks before it can say anything about its target: a credential, a tool, a path, a route out. A
 * result with a setup need is Rounds not being set up yet, not the target failing; the dashboard lists it apart,
 * with its fix, and it counts as no failure.
 *
 * @param kind the group it is listed under: {@code credential}, {@code tool}, {@code path} or {@code network}
 * @param fix the one line that says what to configure, e.g. {@code set ROUNDS_JIRA_AUTH to "Bearer <token>"}
 */
public record SetupNeed(String kind, String fix) {}
