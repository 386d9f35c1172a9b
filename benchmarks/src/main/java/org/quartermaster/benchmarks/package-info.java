/** A runnable benchmark (not a test) that measures the devstack's start, memory and latency next to this machine's floor. */
package org.quartermaster.benchmarks;
