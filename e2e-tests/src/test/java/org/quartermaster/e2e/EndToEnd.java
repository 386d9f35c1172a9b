package org.quartermaster.e2e;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a test class that drives the running system; its tests may take a {@link RunningSystem} parameter (the shared
 * devstack) or a {@link ClockedSystem} (a devstack of its own on a movable clock).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(DevstackExtension.class)
public @interface EndToEnd {
}
