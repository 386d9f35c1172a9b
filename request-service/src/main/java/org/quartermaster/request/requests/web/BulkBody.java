package org.quartermaster.request.requests.web;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.util.List;
import java.util.UUID;
import org.quartermaster.platform.domain.RuleViolation;
import org.quartermaster.request.requests.domain.RequestType;
import org.quartermaster.request.requests.domain.Submission;

/** The bulk endpoint's body: {@code {"items": [{requestType, accessPackageId, assignmentPolicyId, targetId | assignmentId, justification?}]}}. */
@JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
public record BulkBody(List<Item> items) {

  /**
   * One administrator request. Ids are text here, so one malformed id refuses its item, not the whole batch.
   */
  @JsonFormat(with = JsonFormat.Feature.ACCEPT_CASE_INSENSITIVE_PROPERTIES)
  public record Item(String requestType, String accessPackageId, String assignmentPolicyId, String targetId,
      String assignmentId, String justification) {

    Submission toSubmission() {
      RequestType type = RequestType.parse(requestType, "requestType");
      if (type != RequestType.ADMIN_ADD && type != RequestType.ADMIN_REMOVE) {
        throw new RuleViolation("requestType", "A bulk item's requestType is adminAdd or adminRemove, not '"
            + requestType + "'.");
      }
      if (type == RequestType.ADMIN_REMOVE) {
        return new Submission(type, null, null, null, guid(assignmentId, "assignmentId"), justification, List.of(), null);
      }
      return new Submission(type, guid(accessPackageId, "accessPackageId"), guid(assignmentPolicyId, "assignmentPolicyId"),
          guid(targetId, "targetId"), null, justification, List.of(), null);
    }

    private static UUID guid(String value, String property) {
      if (value == null || value.isBlank()) {
        throw new RuleViolation(property, "Property '" + property + "' is required.");
      }
      try {
        return UUID.fromString(value.trim());
      } catch (IllegalArgumentException e) {
        throw new RuleViolation(property, "Invalid value '" + value + "' for '" + property + "': expected a GUID.");
      }
    }
  }
}
