package dev.paramcheck.model;

/**
 * One weight tensor of a layer and its size.
 *
 * @param key the constant-name part, such as {@code KERNEL} or {@code FORWARD_RECURRENT_KERNEL}
 * @param description what it is, with the product that gives its size
 * @param count the number of parameters
 */
public record Weight(String key, String description, long count) {}
