package io.github.bisearch.ingest;

/** A link found in an entry beyond its main one, such as {@code [中文版](…)}. */
public record Link(String text, String url) {}
