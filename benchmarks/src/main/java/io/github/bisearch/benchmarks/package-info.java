/** JMH benchmarks of bisearch, each measured next to a baseline in the same run. */
package io.github.bisearch.benchmarks;
