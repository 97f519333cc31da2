package mallbots.bench.coldstart;

import com.amazonaws.services.lambda.runtime.api.client.AWSLambda;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import mallbots.emulators.LocalAwsEndpoint;
import mallbots.emulators.Ports;
import mallbots.local.lambda.FunctionHost;
import mallbots.local.provision.ProvisioningClients;
import mallbots.local.provision.Provisioner;
import mallbots.local.runtime.RuntimeApi;
import mallbots.local.runtime.RuntimeProcess;
import mallbots.local.template.Template;
import mallbots.local.template.TemplateReader;

/**
 * The cold-start harness ({@code ./mallbots coldstart}): starts every function jar of the template
 * in a JVM of its own under the official runtime interface client, against a Runtime API served
 * here, with the template's environment and a real local AWS endpoint (our EventBridge, ElasticMQ,
 * dynalite, provisioned from the template), so each function does its real work on its invoke
 * event. Beside each function, interleaved, it starts a hello-world handler from a jar of its own.
 * It measures process start -> first /next (init), first /next -> answer (first invocation) and
 * process start -> answer, and prints the medians per function and the ratio to hello world.
 *
 * <p>Variants (all in the same run, interleaved): {@code as built}; with {@code --primed}, the
 * same jar with MALLBOTS_PRIME_AT_INIT=true, i.e. the SnapStart priming run in init before the
 * first request (what a restored snapshot has already done); with {@code --compare DIR}, the jars
 * of another checkout (e.g. the main branch, for before/after figures).
 */
public final class ColdStart {

    private static final Duration RUN_TIMEOUT = Duration.ofSeconds(60);
    private static final ObjectMapper JSON = new ObjectMapper();

    private List<String> jvmFlags = RuntimeProcess.JVM_FLAGS;

    record Options(int rounds, List<String> functions, Path repo, boolean primed, boolean aot, Path compare, List<String> jvmFlags) {
        static Options parse(String[] args) {
            int rounds = 3;
            List<String> functions = new ArrayList<>();
            Path repo = Path.of("").toAbsolutePath();
            boolean primed = false;
            boolean aot = false;
            Path compare = null;
            List<String> jvmFlags = new ArrayList<>();
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--rounds" -> rounds = Integer.parseInt(value(args, ++i, "--rounds"));
                    case "--function" -> functions.add(value(args, ++i, "--function"));
                    case "--repo" -> repo = Path.of(value(args, ++i, "--repo")).toAbsolutePath();
                    case "--primed" -> primed = true;
                    case "--aot" -> aot = true;
                    case "--compare" -> compare = Path.of(value(args, ++i, "--compare")).toAbsolutePath();
                    // for profiling, e.g. --jvm-flag -Xlog:class+load or --jvm-flag -XX:StartFlightRecording=...
                    case "--jvm-flag" -> jvmFlags.add(value(args, ++i, "--jvm-flag"));
                    default -> throw new IllegalArgumentException("unknown argument " + args[i]
                            + " (usage: coldstart [--rounds N] [--function NAME]... [--primed] [--aot] [--compare DIR] [--jvm-flag FLAG]...)");
                }
            }
            if (rounds < 1) {
                throw new IllegalArgumentException("--rounds must be at least 1");
            }
            return new Options(rounds, List.copyOf(functions), repo, primed, aot, compare, List.copyOf(jvmFlags));
        }

        private static String value(String[] args, int i, String flag) {
            if (i >= args.length) {
                throw new IllegalArgumentException(flag + " needs a value");
            }
            return args[i];
        }
    }

    /**
     * One way of starting a function: where its jar comes from, extra environment, and whether it
     * starts from a JDK AOT cache (JEP 483/514) trained on one run of the same jar.
     */
    record Variant(String label, Path repo, Map<String, String> extraEnvironment, boolean aot) {
    }

    /** The three instants of one run, in milliseconds from the process's start. */
    record Sample(double initMs, double firstInvocationMs, double totalMs) {
    }

    public static void main(String[] args) throws Exception {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("coldstart: " + e.getMessage());
            System.exit(2);
            return;
        }
        new ColdStart().run(options);
    }

    void run(Options options) throws Exception {
        String region = "us-east-1";
        int port = Ports.free();
        URI endpointUri = URI.create("http://127.0.0.1:" + port);
        Template template = TemplateReader.read(options.repo().resolve("template.yaml"), Map.of(),
                new TemplateReader.Site(region, endpointUri, URI.create("http://127.0.0.1:" + Ports.free())));
        List<Template.Function> functions = select(template, options.functions());

        List<Variant> variants = new ArrayList<>();
        if (options.compare() != null) {
            variants.add(new Variant("before", options.compare(), Map.of(), false));
        }
        variants.add(new Variant(options.compare() != null ? "after" : "as built", options.repo(), Map.of(), false));
        if (options.primed()) {
            variants.add(new Variant("primed", options.repo(), Map.of("MALLBOTS_PRIME_AT_INIT", "true"), false));
        }
        if (options.aot()) {
            variants.add(new Variant("aot", options.repo(), Map.of(), true));
            if (options.primed()) {
                variants.add(new Variant("aot+prime", options.repo(), Map.of("MALLBOTS_PRIME_AT_INIT", "true"), true));
            }
        }
        for (Variant variant : variants) {
            for (Template.Function function : functions) {
                Path jar = variant.repo().resolve(function.codeUri());
                if (!Files.isRegularFile(jar)) {
                    throw new IllegalStateException(function.logicalId() + ": no jar at " + jar + " (build first)");
                }
            }
        }

        Path work = options.repo().resolve("infra/bench/target/coldstart");
        Files.createDirectories(work.resolve("logs"));
        Path helloJar = helloJar(work);
        System.out.println("cold start under aws-lambda-java-runtime-interface-client (" + AWSLambda.class.getName() + ")");
        jvmFlags = new ArrayList<>(RuntimeProcess.JVM_FLAGS);
        jvmFlags.addAll(options.jvmFlags());
        System.out.println("JVM flags: " + String.join(" ", jvmFlags) + " (plus the template's JAVA_TOOL_OPTIONS)");
        System.out.println(functions.size() + " functions x " + variants.size() + " variant(s) + hello world, "
                + options.rounds() + " round(s); logs in " + work.resolve("logs"));

        Map<String, List<Sample>> samples = new LinkedHashMap<>();
        Map<String, String> answers = new HashMap<>();
        List<Sample> hello = new ArrayList<>();
        try (LocalAwsEndpoint endpoint = LocalAwsEndpoint.start(port, region, null);
             ProvisioningClients clients = ProvisioningClients.of(endpoint.uri(), region);
             RuntimeApi api = RuntimeApi.start()) {
            new Provisioner(clients, line -> { }).provision(template);
            if (options.aot()) {
                // One training run per function writes its AOT cache when the process exits.
                Files.createDirectories(work.resolve("aot"));
                for (Template.Function function : functions) {
                    Path cache = work.resolve("aot/" + function.logicalId() + ".aot");
                    Files.deleteIfExists(cache);
                    byte[] event = Files.readAllBytes(options.repo().resolve("events-schema/invoke/" + function.logicalId() + ".json"));
                    start(api, options.repo().resolve(function.codeUri()), function.handler(),
                            FunctionHost.environment(function, region, endpoint.uri()), function.arn(), event,
                            work.resolve("logs/" + function.logicalId() + "-aot-training.log"),
                            List.of("-XX:AOTCacheOutput=" + cache), Duration.ofSeconds(120));
                    if (!Files.isRegularFile(cache)) {
                        throw new IllegalStateException(function.logicalId() + ": the training run wrote no AOT cache (see "
                                + work.resolve("logs/" + function.logicalId() + "-aot-training.log") + ")");
                    }
                }
            }
            for (int round = 1; round <= options.rounds(); round++) {
                for (Template.Function function : functions) {
                    Map<String, String> environment = FunctionHost.environment(function, region, endpoint.uri());
                    byte[] event = Files.readAllBytes(options.repo().resolve("events-schema/invoke/" + function.logicalId() + ".json"));
                    Map<String, String> helloEnvironment = new HashMap<>(environment);
                    helloEnvironment.put("AWS_LAMBDA_FUNCTION_NAME", "HelloWorld");
                    Outcome baseline = start(api, helloJar, HelloWorld.class.getName(), helloEnvironment,
                            function.arn(), "{\"hello\":\"world\"}".getBytes(), work.resolve("logs/HelloWorld-" + round + ".log"),
                            List.of(), Duration.ofSeconds(5));
                    hello.add(baseline.sample());
                    for (Variant variant : variants) {
                        Map<String, String> env = new HashMap<>(environment);
                        env.putAll(variant.extraEnvironment());
                        String key = function.logicalId() + "\t" + variant.label();
                        Outcome outcome = start(api, variant.repo().resolve(function.codeUri()),
                                function.handler(), env, function.arn(), event,
                                work.resolve("logs/" + function.logicalId() + "-" + variant.label().replace(' ', '-') + "-" + round + ".log"),
                                variant.aot() ? List.of("-XX:AOTCache=" + work.resolve("aot/" + function.logicalId() + ".aot"))
                                        : List.of(), Duration.ofSeconds(5));
                        samples.computeIfAbsent(key, k -> new ArrayList<>()).add(outcome.sample());
                        answers.put(key, outcome.answer());
                        System.out.printf(Locale.ROOT, "  round %d %-26s %-9s init %6.0f ms  first %6.0f ms  total %6.0f ms  (hello %5.0f ms)  %s%n",
                                round, function.logicalId(), variant.label(), outcome.sample().initMs(),
                                outcome.sample().firstInvocationMs(), outcome.sample().totalMs(), baseline.sample().totalMs(),
                                outcome.answer());
                    }
                }
            }
        }
        report(functions, variants, samples, answers, hello);
    }

    private static List<Template.Function> select(Template template, List<String> names) {
        if (names.isEmpty()) {
            return template.functions();
        }
        List<Template.Function> selected = new ArrayList<>();
        for (String name : names) {
            selected.add(template.functions().stream()
                    .filter(f -> f.logicalId().equals(name) || f.name().equals(name))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("no function " + name + " in the template (functions: "
                            + template.functions().stream().map(Template.Function::logicalId).toList() + ")")));
        }
        return selected;
    }

    record Outcome(Sample sample, String answer) {
    }

    /** Starts one runtime process, serves it its event, waits for its answer, ends it. */
    private Outcome start(RuntimeApi api, Path jar, String handler,
                                 Map<String, String> environment, String functionArn, byte[] event, Path log,
                                 List<String> aotFlags, Duration exitWait)
            throws IOException, InterruptedException {
        List<String> flags = new ArrayList<>();
        for (String flag : jvmFlags) {
            // an AOT cache replaces the JDK's default CDS archive (the JVM refuses both)
            if (aotFlags.isEmpty() || !flag.startsWith("-Xshare")) {
                flags.add(flag);
            }
        }
        flags.addAll(aotFlags);
        ProcessBuilder builder = RuntimeProcess.builder(jar, handler, environment, api, log.getParent().resolve("task"), flags)
                .redirectErrorStream(true).redirectOutput(log.toFile());
        RuntimeApi.Run run;
        try {
            run = RuntimeProcess.runOnce(api, builder, functionArn, event, RUN_TIMEOUT, exitWait, process -> { });
        } catch (TimeoutException e) {
            throw new IllegalStateException(handler + " gave no answer within " + RUN_TIMEOUT.toSeconds() + " s (see " + log + ")");
        }
        if (run.firstNextNanos() == 0 || run.answerNanos() == 0) {
            throw new IllegalStateException(handler + " failed in init: " + run.answer() + " (see " + log + ")");
        }
        Sample sample = new Sample(millis(run.firstNextNanos() - run.startNanos()), millis(run.answerNanos() - run.firstNextNanos()),
                millis(run.answerNanos() - run.startNanos()));
        return new Outcome(sample, summary(run));
    }

    /** What the answer says, in a few words: proves the function did its work. */
    private static String summary(RuntimeApi.Run run) {
        if (run.failed()) {
            return "ERROR " + run.answer();
        }
        try {
            JsonNode answer = JSON.readTree(run.answer());
            if (answer.has("statusCode")) {
                return "HTTP " + answer.get("statusCode").asInt();
            }
            if (answer.has("batchItemFailures")) {
                return answer.get("batchItemFailures").size() + " failed record(s)";
            }
            String text = answer.isTextual() ? answer.asText() : answer.toString();
            return text.length() > 60 ? text.substring(0, 60) + "..." : text;
        } catch (IOException e) {
            return run.answer();
        }
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static void report(List<Template.Function> functions, List<Variant> variants,
                               Map<String, List<Sample>> samples, Map<String, String> answers, List<Sample> hello) {
        double helloTotal = median(hello.stream().mapToDouble(Sample::totalMs).toArray());
        System.out.println();
        System.out.printf(Locale.ROOT, "medians (ms); hello world: init %.0f, first invocation %.0f, total %.0f (%d runs)%n",
                median(hello.stream().mapToDouble(Sample::initMs).toArray()),
                median(hello.stream().mapToDouble(Sample::firstInvocationMs).toArray()), helloTotal, hello.size());
        System.out.printf(Locale.ROOT, "%-26s %-9s %8s %8s %8s %7s %8s  %s%n",
                "function", "variant", "init", "first", "total", "x hello", "jar MB", "answer");
        int over = 0;
        for (Template.Function function : functions) {
            for (Variant variant : variants) {
                String key = function.logicalId() + "\t" + variant.label();
                List<Sample> runs = samples.get(key);
                double total = median(runs.stream().mapToDouble(Sample::totalMs).toArray());
                double ratio = total / helloTotal;
                if (ratio > 1.8 && !variant.label().equals("before")) {
                    over++;
                }
                System.out.printf(Locale.ROOT, "%-26s %-9s %8.0f %8.0f %8.0f %7.2f %8.1f  %s%n",
                        function.logicalId(), variant.label(),
                        median(runs.stream().mapToDouble(Sample::initMs).toArray()),
                        median(runs.stream().mapToDouble(Sample::firstInvocationMs).toArray()),
                        total, ratio, jarMegabytes(variant.repo().resolve(function.codeUri())), answers.get(key));
            }
        }
        System.out.println(over == 0 ? "every function is within 1.8x hello world"
                : over + " function variant(s) above 1.8x hello world");
    }

    private static double jarMegabytes(Path jar) {
        try {
            return Files.size(jar) / 1_000_000.0;
        } catch (IOException e) {
            return Double.NaN;
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        java.util.Arrays.sort(sorted);
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** A jar with only the hello-world handler, as small as a function jar can be. */
    private static Path helloJar(Path work) throws IOException {
        Path jar = work.resolve("hello-world.jar");
        String entry = HelloWorld.class.getName().replace('.', '/') + ".class";
        try (InputStream in = ColdStart.class.getClassLoader().getResourceAsStream(entry);
             OutputStream file = Files.newOutputStream(jar);
             JarOutputStream out = new JarOutputStream(file)) {
            if (in == null) {
                throw new IllegalStateException("cannot read " + entry);
            }
            out.putNextEntry(new JarEntry(entry));
            in.transferTo(out);
            out.closeEntry();
        }
        return jar;
    }
}
