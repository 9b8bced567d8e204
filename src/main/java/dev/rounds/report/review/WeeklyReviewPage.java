package dev.rounds.report.review;

import io.quarkus.qute.RawString;

/** A weekly review and its sections rendered as HTML, the same for everyone who reads it. */
public record WeeklyReviewPage(WeeklyReview review, RawString sections) {}
