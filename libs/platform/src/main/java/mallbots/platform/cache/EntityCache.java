package mallbots.platform.cache;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * A context's own copy of another context's entities (stores, products, customers), fed by that
 * context's integration events, which arrive at least once and in any order. An entry is the
 * caching context's record {@code E}; each of its parts keeps the aggregate version that set it
 * ({@link mallbots.platform.domain.Versioned}), so a merge is order-tolerant and idempotent: an
 * event older than a part leaves that part as it is, and a duplicate changes nothing. A removal
 * is a tombstone: the entity is gone for good, and a late event about it (a "created" delivered
 * after the "removed") does not bring it back.
 *
 * <p>A context supplies only its record (with a blank entry for an id no event was seen for, and
 * one merge per event it reads) and its event mapping ({@link CacheFeed}).
 */
public interface EntityCache<E> {

    /** The entry, if an event was seen for the entity and it was not removed. */
    Optional<E> find(String id);

    /** The entity was removed (as opposed to never seen): a reader that tells the two apart asks after {@link #find}. */
    boolean removed(String id);

    /** The entries of these ids that {@link #find} would return; an absent id is unseen or removed. */
    Map<String, E> findAll(Collection<String> ids);

    /**
     * Applies {@code merge} to the entity's entry (the blank entry if there is none yet) and stores
     * the result.
     *
     * @return false if nothing changed: a duplicate, an event older than the parts it sets, or an
     *         entity removed before
     */
    boolean merge(String id, UnaryOperator<E> merge);

    /**
     * The entity was removed at aggregate version {@code version}: from now on it is not found and
     * no merge changes it.
     *
     * @return false if it had been removed before
     */
    boolean remove(String id, long version);
}
