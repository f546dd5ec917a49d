/**
 * Annotations that declare a recurrent model's layers so that the paramcheck processor can count
 * their parameters (as Keras does) while javac runs.
 *
 * <p>A model is a class with one layer annotation on the class (a one-layer model), or with layer
 * annotations on its fields, which form a sequential model in field declaration order.
 */
package dev.paramcheck;
