package mallbots.search.handlers;

import mallbots.platform.api.HttpApiFunction;
import mallbots.platform.config.Environment;
import mallbots.search.SearchModule;

/** The SearchApi Lambda function: the search routes of the HTTP API. */
public final class SearchApiFunction extends HttpApiFunction {

    public SearchApiFunction() {
        this(Environment.system());
    }

    /** Reads TABLE_NAME and builds the real clients. */
    public SearchApiFunction(Environment env) {
        this(SearchModule.fromEnvironment(env));
        primeBeforeCheckpoint(env);
    }

    public SearchApiFunction(SearchModule search) {
        super(SearchRoutes.router(search));
    }
}
