package org.pobox.understand;

/** A piece of text that supports a decision: [start, end) in the letter's body text, and why it counts. */
public record Evidence(String text, int start, int end, String note) {}
