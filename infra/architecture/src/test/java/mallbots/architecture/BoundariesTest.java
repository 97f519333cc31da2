package mallbots.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;

/**
 * The boundaries of the code, checked on the main classes of the platform, the messages and the
 * nine contexts. Each rule says in its failure why it is there; a newcomer who breaks one should
 * read that sentence before looking for a way around it.
 */
@AnalyzeClasses(packages = "mallbots", importOptions = ImportOption.DoNotIncludeTests.class)
class BoundariesTest {

    /** The bounded contexts, one module and one top-level package each. */
    static final List<String> CONTEXTS = List.of("customers", "stores", "baskets", "ordering", "cosec", "payments",
            "depot", "notifications", "search");

    /**
     * Domain classes that still carry Jackson annotations, left out of {@link #domainsKnowNoAwsNorJsonNorMessages}
     * until the recipe work of issue 14 moves their JSON form out (then empty this list):
     * <ul>
     * <li>depot's {@code ShoppingListStatus}: {@code @JsonProperty} spells the stored status in lower
     * case ({@code ShoppingListTest} holds that stored form); without it the kernel's one mapper would
     * need a hook per type;</li>
     * <li>the kernel's {@code Money}: {@code @JsonCreator}/{@code @JsonValue} make it the "12.50"
     * string of every message and stored item.</li>
     * </ul>
     */
    static final String[] STILL_ANNOTATED_FOR_JSON = {
            "mallbots.depot.domain.ShoppingListStatus", "mallbots.platform.domain.Money"};

    @ArchTest
    static final ArchRule domainsKnowNoAwsNorJsonNorMessages = noClasses()
            .that().resideInAnyPackage(domains())
            .and().doNotHaveFullyQualifiedName(STILL_ANNOTATED_FOR_JSON[0])
            .and().doNotHaveFullyQualifiedName(STILL_ANNOTATED_FOR_JSON[1])
            .should().dependOnClassesThat().resideInAnyPackage(
                    "software.amazon..", "com.amazonaws..", "com.fasterxml.jackson..", "mallbots.messages..")
            .because("a domain (a context's, or the kernel's mallbots.platform.domain) holds its rules only:"
                    + " the AWS SDK, Lambda, DynamoDB, the JSON form and the integration messages"
                    + " (mallbots.messages) belong in adapters/ and handlers/, so that the rules can be read"
                    + " and tested without them");

    @ArchTest
    static final ArchRule noContextUsesAnother = slices()
            .matching("mallbots.(*)..").namingSlices("context '$1'")
            .should().notDependOnEachOther()
            .ignoreDependency(DescribedPredicate.alwaysTrue(),
                    JavaClass.Predicates.resideInAnyPackage("mallbots.platform..", "mallbots.messages.."))
            .because("contexts talk only through integration messages (mallbots.messages) on the bus;"
                    + " a class of one context used in another would couple their deployments and their data");

    @ArchTest
    static final ArchRule theSharedModulesKnowNoContext = noClasses()
            .that().resideInAnyPackage("mallbots.platform..", "mallbots.messages..")
            .should().dependOnClassesThat().resideInAnyPackage(inEachContext(""))
            .because("every context depends on the platform and the messages: if they used a context,"
                    + " that context would be in every function and the contexts would no longer be independent");

    @ArchTest
    static final ArchRule layersInsideAContext = layeredArchitecture().consideringOnlyDependenciesInLayers()
            .layer("handlers").definedBy(inEachContext("handlers"))
            .layer("adapters").definedBy(inEachContext("adapters"))
            .layer("application").definedBy(inEachContext("application"))
            .layer("domain").definedBy(inEachContext("domain"))
            .whereLayer("handlers").mayNotBeAccessedByAnyLayer()
            .whereLayer("adapters").mayOnlyBeAccessedByLayers("handlers")
            .whereLayer("application").mayOnlyBeAccessedByLayers("handlers", "adapters")
            .whereLayer("domain").mayOnlyBeAccessedByLayers("handlers", "adapters", "application")
            .because("inside a context, handlers call the application, the application the domain, and adapters"
                    + " implement the application's ports (interfaces): the use cases never name DynamoDB or a"
                    + " Lambda event, and nothing below the handlers knows how the function is wired");

    @ArchTest
    static final ArchRule noPackageCycles = slices()
            .matching("mallbots.(**)").namingSlices("package mallbots.$1")
            .should().beFreeOfCycles()
            .because("a cycle between packages means neither can be understood, tested or moved without the other");

    /** Every context's domain and the kernel's. */
    private static String[] domains() {
        List<String> packages = new ArrayList<>(List.of(inEachContext("domain")));
        packages.add("mallbots.platform.domain..");
        return packages.toArray(String[]::new);
    }

    /** The package {@code layer} of every context ({@code ""}: the whole context). */
    private static String[] inEachContext(String layer) {
        return CONTEXTS.stream()
                .map(context -> "mallbots." + context + (layer.isEmpty() ? ".." : "." + layer + ".."))
                .toArray(String[]::new);
    }
}
