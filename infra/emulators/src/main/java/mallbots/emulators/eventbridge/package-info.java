/**
 * The local cloud's EventBridge: a small implementation of the AWSEvents JSON 1.1 API, enough
 * for the AWS SDK, the AWS CLI and the local cloud's provisioning.
 *
 * <p>Served: CreateEventBus, DescribeEventBus, ListEventBuses, DeleteEventBus, PutRule,
 * DescribeRule, ListRules, DeleteRule, EnableRule, DisableRule, PutTargets, ListTargetsByRule,
 * RemoveTargets, ListRuleNamesByTarget, PutEvents, TestEventPattern, CreateArchive,
 * DescribeArchive, ListArchives, StartReplay, DescribeReplay, ListReplays, CancelReplay.
 * Anything else is an {@code UnknownOperationException}.
 *
 * <p>As on AWS: PutEvents takes at most 10 entries and 256 KB (else ValidationException for the
 * call); an entry without Source, DetailType or Detail fails with {@code InvalidArgument}, one
 * whose Detail is not a JSON object with {@code MalformedDetail}; an event for a bus that does
 * not exist is accepted and dropped (listeners hear of it through {@code onUnmatched}). Patterns
 * are checked at PutRule and matched by event-ruler. Delivery is asynchronous, retried with
 * exponential backoff (no jitter) under the target's RetryPolicy, then dead-lettered with the
 * attributes ERROR_CODE, ERROR_MESSAGE, EXHAUSTED_RETRY_CONDITION, RETRY_ATTEMPTS, RULE_ARN and
 * TARGET_ARN, or dropped. A target queue that does not exist is dead-lettered at once. An
 * archive keeps the bus's events that match its pattern for its RetentionDays; a replay sends
 * them again with {@code replay-name}, to the destination bus's rules (its FilterArns only)
 * and not to archives.
 *
 * <p>Not as on AWS: targets may be SQS queues and Lambda functions only (others are reported in
 * FailedEntries); InputTransformer is refused, InputPath supports {@code $.a.b} paths only;
 * a replay sends its events in time order at once, not minute by minute; cron() schedules
 * support numbers, lists, ranges, steps and names but not L, W or #; no IAM, no resource
 * policies, no partner or API destinations. Buses, rules, targets and replays live in memory;
 * the deliveries not yet done and the archives in {@link EventBridgeDatabase} (H2, in the data
 * directory when there is one): PutEvents answers once its deliveries are written there, and a
 * restart carries on with them (at least once).
 */
package mallbots.emulators.eventbridge;
