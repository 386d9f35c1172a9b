/** A runnable benchmark (not a test) of the devstack's start, memory, latency and throughput next to this machine's floor. */
package org.quartermaster.benchmarks;
