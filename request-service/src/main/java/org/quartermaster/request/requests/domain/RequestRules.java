package org.quartermaster.request.requests.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import org.quartermaster.platform.domain.RuleViolation;
import org.quartermaster.request.assignments.domain.Assignment;
import org.quartermaster.request.common.domain.Conflict;
import org.quartermaster.request.common.domain.Expiration;
import org.quartermaster.request.common.domain.NotAllowed;
import org.quartermaster.request.common.domain.NotFound;
import org.quartermaster.request.directory.domain.DirectoryUser;
import org.quartermaster.request.packages.domain.AccessPackageSummary;
import org.quartermaster.request.policies.domain.AllowedTarget;
import org.quartermaster.request.policies.domain.AssignmentPolicy;
import org.quartermaster.request.policies.domain.Question;
import org.quartermaster.request.separation.domain.SeparationOfDuties;

/**
 * The rules a request must pass before it is stored, checked in a fixed order so a client always hears of the first
 * problem first: (0) everything named exists, (1) the policy belongs to the package, (2) the caller may make this
 * request for this target under this policy, (3) a justification is given when required, (4) required questions are
 * answered with valid values, (5) the schedule stays within the policy, (6) nothing open or delivered duplicates it,
 * (7) the target holds nothing, and belongs to no group, that the package is incompatible with (separation of duties).
 */
public final class RequestRules {

  /** The permission administrator requests need; every dev token carries it today. */
  public static final String ADMIN_PERMISSION = "EntitlementManagement.ReadWrite.All";
  /** A start this close to now is "now": clients stamp requests with their own clock. */
  static final Duration START_TOLERANCE = Duration.ofMinutes(5);

  private RequestRules() {
  }

  // ---- adds

  public static ValidSubmission checkAdd(Submission submission, Requester requester, AddFacts facts, Instant now) {
    RequestType type = submission.type();
    if (submission.accessPackageId() == null) {
      throw new RuleViolation("accessPackageId", "Property 'assignment.accessPackageId' is required for a " + type.graphName()
          + " request.");
    }
    UUID targetId = submission.targetId() != null ? submission.targetId() : type.self() ? requester.objectId() : null;
    if (targetId == null) {
      throw new RuleViolation("targetId", "Property 'assignment.targetId' is required for an " + type.graphName() + " request.");
    }
    AccessPackageSummary accessPackage = facts.accessPackage().orElseThrow(() -> new NotFound("accessPackageId",
        "Access package '" + submission.accessPackageId() + "' does not exist."));
    AssignmentPolicy policy = policyOf(submission, accessPackage, facts);
    DirectoryUser target = facts.target().orElseThrow(() -> new NotFound("targetId",
        "User '" + targetId + "' does not exist in the directory."));

    // 1. the policy belongs to the package
    if (!policy.accessPackageId().equals(accessPackage.id())) {
      throw new RuleViolation("assignmentPolicyId", policy.describe() + " (" + policy.id() + ") belongs to access package '"
          + policy.accessPackageId() + "', not to " + accessPackage.describe() + ".");
    }
    // 2. the caller is allowed
    if (type.self()) {
      requireSelf(type, requester, targetId);
      requireInScope(policy, target, facts.targetGroups(), false);
      if (!policy.requestorSettings().selfAddEnabled()) {
        throw new NotAllowed("requestorSettings", policy.describe() + " does not let users request access for themselves: "
            + "requestorSettings.enableTargetsToSelfAddAccess is false.");
      }
    } else {
      requireAdministrator(type, requester);
      requireInScope(policy, target, facts.targetGroups(), true);
    }
    // 3. justification
    requireJustification(policy, submission.justification());
    // 4. questions
    checkAnswers(policy, submission.answers());
    // 5. schedule
    RequestSchedule schedule = checkSchedule(policy, submission.schedule(), !type.self(), now);
    // 6. duplicates
    facts.openRequest().ifPresent(open -> {
      throw new Conflict("duplicate", "User '" + targetId + "' already has open request '" + open.id() + "' ("
          + open.state().graphName() + ") for " + accessPackage.describe() + " under " + lower(policy.describe()) + ".");
    });
    facts.activeAssignment().ifPresent(assignment -> {
      throw new Conflict("duplicate", "User '" + targetId + "' already has assignment '" + assignment.id() + "' ("
          + assignment.state() + ") to " + accessPackage.describe() + " under " + lower(policy.describe()) + ".");
    });
    // 7. separation of duties, for administrators too: an incompatible assignment must be removed first
    SeparationOfDuties.firstConflict(facts.separation()).ifPresent(incompatible -> {
      throw new Conflict(incompatible.clause(), incompatible.reason());
    });
    return new ValidSubmission(type, accessPackage.id(), accessPackage.catalogId(), policy.id(), targetId, null,
        blankToNull(submission.justification()), submission.answers(), schedule);
  }

  private static AssignmentPolicy policyOf(Submission submission, AccessPackageSummary accessPackage, AddFacts facts) {
    if (submission.assignmentPolicyId() != null) {
      return facts.policy().orElseThrow(() -> new NotFound("assignmentPolicyId",
          "Assignment policy '" + submission.assignmentPolicyId() + "' does not exist."));
    }
    // Graph lets a request leave the policy out when the package has only one.
    List<AssignmentPolicy> policies = facts.packagePolicies();
    if (policies.size() == 1) {
      return policies.get(0);
    }
    throw new RuleViolation("assignmentPolicyId", "Property 'assignment.assignmentPolicyId' is required: "
        + accessPackage.describe() + " has " + policies.size() + " assignment policies.");
  }

  // ---- removals and updates

  public static ValidSubmission checkChange(Submission submission, Requester requester, ChangeFacts facts, Instant now) {
    RequestType type = submission.type();
    boolean update = type.kind() == RequestType.Kind.UPDATE;
    if (submission.assignmentId() == null) {
      throw new RuleViolation("assignmentId", "Property 'assignment.id' is required for a " + type.graphName() + " request.");
    }
    Assignment assignment = facts.assignment().orElseThrow(() -> new NotFound("assignmentId",
        "Access package assignment '" + submission.assignmentId() + "' does not exist."));
    if (assignment.ended() || (update && !assignment.active())) {
      throw new Conflict("assignmentId", "Access package assignment '" + assignment.id() + "' is " + assignment.state()
          + ": there is nothing to " + (update ? "update" : "remove") + ".");
    }
    Optional<AssignmentPolicy> policy = facts.policy();
    if (policy.isEmpty() && (type.self() || update)) {
      throw new NotFound("assignmentPolicyId", "Assignment policy '" + assignment.assignmentPolicyId() + "' of assignment '"
          + assignment.id() + "' no longer exists.");
    }
    // 1. the policy is the assignment's, so it belongs to its package
    // 2. the caller is allowed
    if (type.self()) {
      requireSelf(type, requester, assignment.targetId());
      AssignmentPolicy rules = policy.get();
      if (update) {
        DirectoryUser target = facts.target().orElseThrow(() -> new NotFound("targetId",
            "User '" + assignment.targetId() + "' does not exist in the directory."));
        requireInScope(rules, target, facts.targetGroups(), false);
        if (!rules.requestorSettings().selfUpdateEnabled()) {
          throw new NotAllowed("requestorSettings", rules.describe() + " does not let users update their own access: "
              + "requestorSettings.enableTargetsToSelfUpdateAccess is false.");
        }
      } else if (!rules.requestorSettings().selfRemoveEnabled()) {
        throw new NotAllowed("requestorSettings", rules.describe() + " does not let users remove their own access: "
            + "requestorSettings.enableTargetsToSelfRemoveAccess is false.");
      }
    } else {
      requireAdministrator(type, requester);
    }
    RequestSchedule schedule = RequestSchedule.NONE;
    if (update) {
      // 3. justification, 5. schedule (answers were given when the assignment was requested)
      requireJustification(policy.get(), submission.justification());
      schedule = checkSchedule(policy.get(), submission.schedule(), !type.self(), now);
    }
    // 6. duplicates
    facts.openChange().ifPresent(open -> {
      throw new Conflict("duplicate", "Access package assignment '" + assignment.id() + "' already has open "
          + open.type().graphName() + " request '" + open.id() + "' (" + open.state().graphName() + ").");
    });
    return new ValidSubmission(type, assignment.accessPackageId(), assignment.catalogId(), assignment.assignmentPolicyId(),
        assignment.targetId(), assignment.id(), blankToNull(submission.justification()), List.of(), schedule);
  }

  // ---- clause 2: who may ask

  private static void requireSelf(RequestType type, Requester requester, UUID targetId) {
    if (!targetId.equals(requester.objectId())) {
      throw new NotAllowed("targetId", "A " + type.graphName() + " request is made by its target: the caller '"
          + requester.objectId() + "' is not the target '" + targetId + "'. An administrator uses admin"
          + type.graphName().substring("user".length()) + " for another user.");
    }
  }

  private static void requireAdministrator(RequestType type, Requester requester) {
    if (!requester.administrator()) {
      throw new NotAllowed("requestType", "An " + type.graphName() + " request needs the " + ADMIN_PERMISSION
          + " permission, which the caller's token does not carry.");
    }
  }

  /**
   * The target must be one the policy admits. A policy with allowedTargetScope notSpecified takes no requests from users:
   * it is the policy administrators assign under directly.
   */
  static void requireInScope(AssignmentPolicy policy, DirectoryUser target, Set<UUID> targetGroups, boolean administrator) {
    String scope = policy.allowedTargetScope() == null ? "notSpecified" : policy.allowedTargetScope();
    String user = "user '" + target.id() + "'";
    switch (scope.toLowerCase(Locale.ROOT)) {
      case "alldirectoryusers":
        return;
      case "allmemberusers":
        if (!target.isMember()) {
          throw new NotAllowed("targetId", policy.describe() + " allows member users only; " + user + " is a "
              + target.userType() + ", not a member.");
        }
        return;
      case "specificdirectoryusers":
        List<AllowedTarget> allowed = policy.specificAllowedTargets();
        boolean admitted = allowed.stream().anyMatch(entry ->
            (entry.isSingleUser() && entry.userId().equals(target.id()))
                || (entry.isGroupMembers() && targetGroups.contains(entry.groupId())));
        if (!admitted) {
          String who = allowed.isEmpty() ? "no one"
              : allowed.stream().map(AllowedTarget::describe).collect(Collectors.joining(", ")) + " only";
          throw new NotAllowed("targetId", policy.describe() + " allows " + who + "; " + user + " is not allowed.");
        }
        return;
      case "notspecified":
        if (!administrator) {
          throw new NotAllowed("targetId", policy.describe() + " takes no requests from users (allowedTargetScope is "
              + "notSpecified: administrators assign directly); " + user + " is not allowed.");
        }
        return;
      default:
        throw new NotAllowed("targetId", policy.describe() + " admits targets by allowedTargetScope '" + scope
            + "', which Quartermaster does not support yet; " + user + " is not allowed.");
    }
  }

  // ---- clause 3

  private static void requireJustification(AssignmentPolicy policy, String justification) {
    if (policy.justificationRequired() && (justification == null || justification.isBlank())) {
      throw new RuleViolation("justification", policy.describe() + " requires a justification; the request has none.");
    }
  }

  // ---- clause 4

  static void checkAnswers(AssignmentPolicy policy, List<Answer> answers) {
    for (Answer answer : answers) {
      if (answer.questionId() == null || answer.questionId().isBlank()) {
        throw new RuleViolation("answers", "Every answer needs 'answeredQuestion.id'.");
      }
      if (policy.question(answer.questionId()).isEmpty()) {
        throw new RuleViolation("answers", "The request answers question '" + answer.questionId() + "', which "
            + lower(policy.describe()) + " does not ask.");
      }
    }
    List<Question> questions = new ArrayList<>(policy.questions());
    questions.sort(Comparator.comparingInt(Question::sequence));
    for (Question question : questions) {
      List<Answer> given = answers.stream().filter(answer -> answer.questionId().equalsIgnoreCase(question.id())).toList();
      List<Answer> valued = given.stream().filter(answer -> answer.value() != null && !answer.value().isBlank()).toList();
      if (question.required() && valued.isEmpty()) {
        throw new RuleViolation("answers", policy.describe() + " requires an answer to " + question.describe()
            + "; the request has none.");
      }
      if (given.size() > 1 && !(question.isMultipleChoice() && question.multipleSelectionAllowed())) {
        throw new RuleViolation("answers", "The request answers " + question.describe() + " of " + lower(policy.describe())
            + " " + given.size() + " times; it takes one answer.");
      }
      for (Answer answer : given) {
        checkAnswer(policy, question, answer);
      }
    }
  }

  private static void checkAnswer(AssignmentPolicy policy, Question question, Answer answer) {
    if (answer.kind() != null && !answer.kind().equalsIgnoreCase(Answer.STRING)) {
      throw new RuleViolation("answers", "The answer to " + question.describe() + " of " + lower(policy.describe())
          + " must be an " + Answer.STRING + ", not '" + answer.kind() + "'.");
    }
    String value = answer.value();
    if (value == null || value.isBlank()) {
      return;
    }
    String prefix = policy.describe() + ": the answer to " + question.describe();
    if (question.isMultipleChoice()) {
      if (!question.choices().contains(value)) {
        throw new RuleViolation("answers", prefix + " must be one of " + question.choices().stream()
            .map(choice -> "'" + choice + "'").collect(Collectors.joining(", ")) + "; got '" + value + "'.");
      }
      return;
    }
    String pattern = question.regexPattern();
    if (pattern != null && !pattern.isBlank()) {
      boolean matches;
      try {
        matches = Pattern.compile(pattern).matcher(value).matches();
      } catch (PatternSyntaxException e) {
        throw new RuleViolation("answers", policy.describe() + " has an invalid regexPattern '" + pattern + "' on "
            + question.describe() + "; ask its owner to fix the policy.");
      }
      if (!matches) {
        throw new RuleViolation("answers", prefix + " must match the pattern '" + pattern + "'; got '" + value + "'.");
      }
    }
  }

  // ---- clause 5

  /**
   * A requestor may choose their own start and expiration only where the policy allows custom schedules (an
   * administrator assigning directly always may); either way the assignment may not outlast the policy's expiration.
   * A request without an expiration gets the policy's.
   */
  static RequestSchedule checkSchedule(AssignmentPolicy policy, RequestSchedule asked, boolean administrator, Instant now) {
    Instant requestedStart = asked.startDateTime();
    boolean customStart = requestedStart != null && requestedStart.isAfter(now.plus(START_TOLERANCE));
    // A start within the tolerance is "now" by a client whose clock runs ahead: the request is not scheduled for later.
    Instant start = customStart ? requestedStart : now;
    Instant storedStart = customStart || requestedStart == null || requestedStart.isBefore(now) ? requestedStart : now;
    Expiration policyExpiration = policy.expiration() == null ? Expiration.NOT_SPECIFIED : policy.expiration();
    boolean customExpiration = asked.expiration().specified() && !asked.expiration().equals(policyExpiration);
    if ((customStart || customExpiration) && !administrator && !policy.requestorSettings().customScheduleAllowed()) {
      String what = customStart ? "startDateTime " + requestedStart : "expiration " + asked.expiration().describe();
      throw new RuleViolation("schedule", policy.describe() + " does not allow a custom assignment schedule "
          + "(requestorSettings.allowCustomAssignmentSchedule is false); the request sets " + what + ".");
    }
    Expiration effective = asked.expiration().specified() ? asked.expiration() : policyExpiration;
    Optional<Instant> end = effective.endFrom(start, "schedule.expiration");
    if (end.isPresent() && !end.get().isAfter(start)) {
      throw new RuleViolation("schedule", "The request's schedule ends at " + end.get() + ", not after its start at "
          + start + ".");
    }
    Optional<Instant> latest = policyExpiration.endFrom(start, "expiration");
    if (latest.isPresent() && (end.isEmpty() || end.get().isAfter(latest.get()))) {
      throw new RuleViolation("schedule", policy.describe() + " lets an assignment starting at " + start
          + " last until " + latest.get() + " at most (expiration " + policyExpiration.describe() + "); the request asks for "
          + (end.isEmpty() ? "no expiration" : "until " + end.get()) + ".");
    }
    return new RequestSchedule(storedStart, effective);
  }

  private static String lower(String described) {
    return Character.toLowerCase(described.charAt(0)) + described.substring(1);
  }

  private static String blankToNull(String text) {
    return text == null || text.isBlank() ? null : text;
  }
}
