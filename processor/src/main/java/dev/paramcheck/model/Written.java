package dev.paramcheck.model;

/**
 * One paramcheck annotation as written on a class or field.
 *
 * @param annotation the annotation's simple name, such as {@code Lstm}
 * @param attributes its values
 */
public record Written(String annotation, Attributes attributes) {}
