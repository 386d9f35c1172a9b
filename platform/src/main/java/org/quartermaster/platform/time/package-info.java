/** Time is injected: services read a {@link java.time.Clock} bean so tests can move it. */
package org.quartermaster.platform.time;
