package dev.rounds.report.controls;

import dev.rounds.checklist.Control;

/** A control of a framework's catalog that no activity of the current checklists implements. */
public record ControlGap(String framework, Control control) {}
