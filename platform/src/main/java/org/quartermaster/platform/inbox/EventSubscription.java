package org.quartermaster.platform.inbox;

import java.util.List;
import org.quartermaster.events.TopicSpec;

/**
 * A named consumer of some topics. The name identifies its inbox entries and its consumer group,
 * so renaming it replays the topics from the start.
 */
public record EventSubscription(String consumer, List<TopicSpec> topics, EventHandler handler) {
}
