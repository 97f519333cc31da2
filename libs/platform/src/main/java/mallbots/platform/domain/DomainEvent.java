package mallbots.platform.domain;

/**
 * Something that happened to an aggregate, in the words of its domain. Implementations are
 * records: they are stored as JSON and replayed to rebuild the aggregate.
 */
public interface DomainEvent {
}
