package mallbots.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;


import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;
import mallbots.platform.consumer.MessageHandlers;
import mallbots.platform.messaging.Message;
import mallbots.platform.messaging.MessageType;
import mallbots.platform.messaging.Metadata;
import mallbots.platform.messaging.OutboundEvent;
import mallbots.platform.saga.SagaReplies;

/**
 * The boundaries of the code, checked on the main classes of the platform, the messages and the
 * nine contexts (infra's main classes are read too, for unique names only). Each rule says in its
 * failure why it is there; a newcomer who breaks one should read that sentence before looking for
 * a way around it. The recipe the context rules hold is docs/design.md's.
 */
@AnalyzeClasses(packages = "mallbots", importOptions = ImportOption.DoNotIncludeTests.class)
class BoundariesTest {

    /** The bounded contexts, one module and one top-level package each. */
    static final List<String> CONTEXTS = List.of("customers", "stores", "baskets", "ordering", "cosec", "payments",
            "depot", "notifications", "search");

    /** infra's packages: the local cloud, the emulators and the bench run the contexts, and are no context. */
    static final String[] INFRA = {"mallbots.local..", "mallbots.emulators..", "mallbots.bench.."};

    /** What makes an integration message: a new Message, MessageType.create, OutboundEvent.of, a saga reply. */
    private static final DescribedPredicate<JavaCall<?>> MAKES_A_MESSAGE = DescribedPredicate.describe(
            "make an integration message (new Message, MessageType.create, OutboundEvent.of, SagaReplies)",
            call -> {
                String owner = call.getTargetOwner().getName();
                String name = call.getName();
                return owner.equals(Message.class.getName()) && name.equals("<init>")
                        || owner.equals(MessageType.class.getName()) && name.equals("create")
                        || owner.equals(OutboundEvent.class.getName()) && name.equals("of")
                        || owner.equals(SagaReplies.class.getName());
            });

    @ArchTest
    static final ArchRule domainsKnowNoAwsNorJsonNorMessages = noClasses()
            .that().resideInAnyPackage(domains())
            .should().dependOnClassesThat().resideInAnyPackage(
                    "software.amazon..", "com.amazonaws..", "com.fasterxml.jackson..", "mallbots.messages..")
            .because("a domain (a context's, or the kernel's mallbots.platform.domain) holds its rules only:"
                    + " the AWS SDK, Lambda, DynamoDB, the JSON form and the integration messages"
                    + " (mallbots.messages) belong in adapters/ and handlers/, so that the rules can be read"
                    + " and tested without them (a domain type's JSON form is a module of the mapper, as"
                    + " mallbots.platform.json.Json does for Money and depot's ShoppingListJson for its status)");

    @ArchTest
    static final ArchRule noContextUsesAnother = slices()
            .matching("mallbots.(*)..").namingSlices("context '$1'")
            .should().notDependOnEachOther()
            .ignoreDependency(DescribedPredicate.alwaysTrue(),
                    JavaClass.Predicates.resideInAnyPackage("mallbots.platform..", "mallbots.messages.."))
            .ignoreDependency(JavaClass.Predicates.resideInAnyPackage(INFRA), DescribedPredicate.alwaysTrue())
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
            .ignoreDependency(JavaClass.Predicates.resideInAnyPackage(INFRA), DescribedPredicate.alwaysTrue())
            .because("a cycle between packages means neither can be understood, tested or moved without the other");

    @ArchTest
    static final ArchRule theModuleIsAtTheContextsRoot = classes()
            .that().resideInAnyPackage(inEachContext("")).and().haveSimpleNameEndingWith("Module")
            .should().resideInAnyPackage(roots())
            .because("a context's composition root, <Context>Module (the one class that builds its use cases"
                    + " and adapters), sits at the context's package root, mallbots.<context>, so that it is"
                    + " found without opening the context and no layer below knows how it is wired");

    @ArchTest
    static final ArchRule nothingButTheHandlersKnowsTheHandlers = noClasses()
            .that().resideInAnyPackage(inEachContext("")).and().resideOutsideOfPackages(inEachContext("handlers"))
            .should().dependOnClassesThat().resideInAnyPackage(inEachContext("handlers"))
            .because("handlers/ holds the Lambda entry points only (functions, routes, subscriptions):"
                    + " the module, the domain, the application and the adapters must work without them,"
                    + " so a use case moved to another trigger changes nothing below the handlers");

    @ArchTest
    static final ArchRule subscriptionsAreListedInOnePlace = noClasses()
            .that().resideInAnyPackage(inEachContext(""))
            .and(not(topLevelIn("handlers", "Subscriptions")))
            .should().callMethod(MessageHandlers.class, "builder")
            .because("every message a context consumes, and the use case it goes to, is listed in one class:"
                    + " handlers/<Context>Subscriptions (the only one that builds MessageHandlers), so a newcomer"
                    + " finds what a context listens to without opening anything else");

    @ArchTest
    static final ArchRule onlyAnnouncementsAndRepliesMakeMessages = noClasses()
            .that().resideInAnyPackage(inEachContext(""))
            .and(not(topLevelIn("adapters", "Announcements")))
            .and(not(topLevelIn("adapters", "Replies")))
            .should().callCodeUnitWhere(MAKES_A_MESSAGE)
            .because("a context's integration messages are made in adapters/ by <Context>Announcements (its"
                    + " domain events as the messages it announces) and <Context>Replies (its answers to the"
                    + " saga's commands): a repository, a use case or a handler hands its events or answers to"
                    + " them, so that what a context says on the bus is read in two classes");

    @ArchTest
    static final ArchRule viewsAreInTheApplication = classes()
            .that().resideInAnyPackage(inEachContext("")).and().haveSimpleNameEndingWith("View")
            .should().resideInAnyPackage(inEachContext("application"))
            .because("a view (<Thing>View, what a query or a route answers) belongs to the use cases that"
                    + " answer it: every context keeps its views in application/, never in handlers/ or adapters/");

    @ArchTest
    static final ArchRule useCasesTakeNoMetadata = noClasses()
            .that().resideInAnyPackage(inEachContext("application"))
            .should().dependOnClassesThat().haveFullyQualifiedName(Metadata.class.getName())
            .because("a use case learns what caused it from the platform's Cause (Cause.request() for an HTTP"
                    + " request, Cause.of(message) for a message), never from a message's Metadata: one"
                    + " causation type in every use case, and the application knows nothing of the wire");

    /** Every class of main code, infra's included; nested classes and package-info left out. */
    @ArchTest
    static void noTwoMainClassesShareASimpleName(JavaClasses classes) {
        Map<String, Set<String>> byName = new TreeMap<>();
        for (JavaClass javaClass : classes) {
            if (javaClass.isTopLevelClass() && !javaClass.getSimpleName().equals("package-info")
                    && javaClass.getPackageName().startsWith("mallbots")) {
                byName.computeIfAbsent(javaClass.getSimpleName(), name -> new TreeSet<>()).add(javaClass.getName());
            }
        }
        String twice = byName.entrySet().stream().filter(entry -> entry.getValue().size() > 1)
                .map(entry -> entry.getKey() + ": " + String.join(", ", entry.getValue()))
                .collect(Collectors.joining("\n  "));
        if (!twice.isEmpty()) {
            throw new AssertionError("no two classes of main code share a simple name, because a name that"
                    + " means two things (a message and the use case that runs it, two contexts' views of"
                    + " an order) makes a newcomer open both to know which is meant, and every import, stack"
                    + " trace and log line ambiguous; rename one for what it is where it lives. Shared now:\n  "
                    + twice);
        }
    }

    /** A class (or one nested in it) of a context's {@code layer} whose top-level class is named {@code *suffix}. */
    private static DescribedPredicate<JavaClass> topLevelIn(String layer, String suffix) {
        Set<String> packages = CONTEXTS.stream().map(context -> "mallbots." + context + "." + layer)
                .collect(Collectors.toSet());
        return DescribedPredicate.describe("a class in " + layer + "/ named *" + suffix, javaClass -> {
            String topLevel = javaClass.getName().replaceFirst("\\$.*", "");
            return packages.contains(javaClass.getPackageName()) && topLevel.endsWith(suffix);
        });
    }

    /** Each context's root package, mallbots.<context>, without its subpackages. */
    private static String[] roots() {
        return CONTEXTS.stream().map(context -> "mallbots." + context).toArray(String[]::new);
    }

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
