package mallbots.baskets.adapters;

/** Where the caches live in the baskets table, next to the basket histories. */
final class CacheItems {

    /** The sort key of every cache item: basket histories start at version 1. */
    static final long SORT_KEY = 0;

    private CacheItems() {
    }
}
