/**
 * Benchmarks that print their figures: the load driver ({@code ./mallbots bench}), the cold-start
 * harness and the JMH benchmarks of the warm per-message path. None of them is a timed test.
 */
package mallbots.bench;
