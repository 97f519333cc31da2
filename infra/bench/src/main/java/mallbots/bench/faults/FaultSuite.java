package mallbots.bench.faults;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import mallbots.bench.load.Api;
import mallbots.bench.load.BenchTokens;
import mallbots.emulators.Ports;
import mallbots.emulators.eventbridge.EventBridgeSettings;
import mallbots.emulators.faults.EndpointFaults;
import mallbots.emulators.faults.FaultInjector;
import mallbots.local.LocalCloudProcess;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * The fault suite: the whole system in a local cloud of its own ({@code ./mallbots up --faults}
 * in a child JVM, with a data directory), a seeded mix of orders driven through the HTTP API while
 * the endpoint injects DynamoDB and EventBridge failures, crashes before PutEvents and duplicated
 * and delayed deliveries, the local cloud killed with SIGKILL once and started again with the
 * same command; then every order must reach the state its inputs call for, with each effect once
 * and nothing in a dead-letter queue but the planted poison.
 */
public final class FaultSuite {

    /** What an order's inputs call for, and how its inputs are made. */
    enum Expected {
        /** A registered, enabled customer with a payment that covers the order. */
        APPROVED("approved"),
        /** The customer is disabled before checkout: AuthorizeCustomer fails. */
        REJECTED_CUSTOMER("rejected"),
        /** The payment is too small: ConfirmPayment fails. */
        REJECTED_PAYMENT("rejected"),
        /** Valid inputs; the customer cancels as soon as the order exists. */
        CANCELED("canceled");

        final String status;

        Expected(String status) {
            this.status = status;
        }
    }

    /** One order of the run: what it calls for, and what happened to it. */
    static final class Order {
        final int index;
        final Expected expected;
        final String customerId;
        volatile String id;
        volatile String status = "not created";
        volatile String reason = "";
        volatile String error;
        volatile Instant checkoutSent;

        Order(int index, Expected expected, String customerId) {
            this.index = index;
            this.expected = expected;
            this.customerId = customerId;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String AUDIENCE = "mallbots";
    private static final String POISON_MARK = "planted-poison-";
    private static final Duration READY_WITHIN = Duration.ofSeconds(180);
    private static final Duration CALL_WITHIN = Duration.ofSeconds(150);
    private static final Pattern SMS = Pattern.compile(
            "order ([0-9a-f-]{36}) (has been received|is ready|is complete|has been canceled)");
    private static final Set<String> TERMINAL = Set.of("approved", "rejected", "canceled", "completed");

    private final FaultSuiteOptions options;
    private final Path dataDir;
    private final Path stateDir;
    private final List<String> upArgs;
    private final URI endpoint;
    private final URI apiUri;
    private final BufferedWriter consoleLog;
    private final AtomicReference<LocalCloudProcess> cloud = new AtomicReference<>();
    private final AtomicLong apiRetries = new AtomicLong();
    private final AtomicInteger checkedOut = new AtomicInteger();
    /** The last fault counts read from each life of the local cloud (it forgets them when killed). */
    private final List<JsonNode> faultCounts = new ArrayList<>();
    private final List<String> consoleLinesOfEarlierLives = new ArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    public FaultSuite(FaultSuiteOptions options) {
        this.options = options;
        this.dataDir = options.workDir().resolve("data");
        this.stateDir = options.workDir().resolve("state");
        int port = Ports.free();
        int apiPort = Ports.free();
        this.endpoint = URI.create("http://127.0.0.1:" + port);
        this.apiUri = URI.create("http://127.0.0.1:" + apiPort);
        // Short saga deadlines so that a lost message is sent again soon, and resends enough to
        // outlast a restart, a queue's visibility timeout and the outbox sweepers' minute. A
        // failed message comes back after the visibility timeout, 60 s by default, so the template's
        // 5 receives give an event that waits for another one left in an outbox four minutes: enough
        // for the sweepers' minute even when a kill delays a sweep and a sweep's own PutEvents fails
        // too (with 30 s, two minutes, a full run of seed 7 dead-lettered an OrderCreated whose
        // CustomerRegistered came late).
        this.upArgs = List.of("--port", Integer.toString(port), "--api-port", Integer.toString(apiPort),
                "--console-port", "0",
                "--template", options.root().resolve("template.yaml").toString(),
                "--data-dir", dataDir.toString(), "--state-dir", stateDir.toString(),
                "--faults", "seed=" + options.seed() + ",rate=" + options.rate(),
                "--param", "SagaStepDeadlineSeconds=10", "--param", "SagaStepResends=15",
                "--param", "QueueVisibilityTimeoutSeconds=" + options.visibilityTimeout().toSeconds(),
                "--param", "MaxReceiveCount=" + options.maxReceiveCount());
        try {
            deleteRecursively(options.workDir());
            Files.createDirectories(dataDir);
            Files.createDirectories(stateDir);
            this.consoleLog = Files.newBufferedWriter(options.workDir().resolve("console.log"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs the suite and reports what it saw; the local cloud is stopped however it ends. */
    public FaultReport run() throws Exception {
        Instant started = Instant.now();
        try {
            startCloud();
            Api anonymous = new Api(apiUri, options.concurrency() + 2);
            BenchTokens tokens = BenchTokens.of(stateDir, apiUri, AUDIENCE);
            // first, so that its receives run while the mall is set up and the orders go through
            List<String> poison = plantPoison();
            String product = setUpMall(anonymous, tokens);
            List<Order> orders = plan();

            ExecutorService customers = Executors.newFixedThreadPool(options.concurrency());
            List<Future<?>> drives = new ArrayList<>();
            for (Order order : orders) {
                drives.add(customers.submit(() -> drive(order, anonymous, tokens, product)));
            }
            boolean killed = false;
            Duration restart = Duration.ZERO;
            if (options.killOnce()) {
                while (checkedOut.get() < Math.max(1, orders.size() / 2) && !allDone(drives)) {
                    Thread.sleep(50);
                }
                Instant kill = Instant.now();
                killAndRestart();
                restart = Duration.between(kill, Instant.now());
                killed = true;
            }
            for (Future<?> drive : drives) {
                drive.get();
            }
            customers.shutdown();
            Instant lastCheckout = orders.stream().map(o -> o.checkoutSent).filter(java.util.Objects::nonNull)
                    .max(Comparator.naturalOrder()).orElse(Instant.now());
            settle(orders, poison, tokens, anonymous);
            Instant settled = Instant.now();
            readFaultCounts();
            return report(orders, poison, Duration.between(lastCheckout, settled),
                    Duration.between(started, settled), killed, restart, tokens, anonymous);
        } finally {
            LocalCloudProcess running = cloud.get();
            if (running != null) {
                running.stop();
            }
            consoleLog.close();
        }
    }

    private void startCloud() throws InterruptedException {
        LocalCloudProcess process = LocalCloudProcess.start(options.classpath(),
                List.of("-D" + EventBridgeSettings.SCHEDULE_SPEEDUP_PROPERTY + "=" + options.scheduleSpeedup()), upArgs,
                this::log);
        cloud.set(process);
        process.awaitReady(READY_WITHIN);
        faultCounts.add(null);
        Thread.ofPlatform().daemon().name("fault-counts").start(() -> {
            int life = faultCounts.size() - 1;
            while (cloud.get() == process && process.process().isAlive()) {
                readFaultCounts(life);
                sleep(Duration.ofMillis(500));
            }
        });
    }

    /** SIGKILL, then the same command on the same data directory. */
    private void killAndRestart() throws InterruptedException {
        LocalCloudProcess process = cloud.get();
        readFaultCounts(faultCounts.size() - 1);
        log("---- fault suite: kill -9 of the local cloud (pid " + process.process().pid() + ") ----");
        process.kill();
        consoleLinesOfEarlierLives.addAll(process.lines());
        log("---- fault suite: starting it again with the same command ----");
        startCloud();
    }

    private synchronized void log(String line) {
        try {
            consoleLog.write(line);
            consoleLog.newLine();
        } catch (IOException e) {
            // the log is for reading after a failure; the run goes on without it
        }
    }

    private void readFaultCounts() {
        readFaultCounts(faultCounts.size() - 1);
    }

    private void readFaultCounts(int life) {
        try {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(endpoint.resolve(EndpointFaults.PATH))
                    .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() == 200) {
                synchronized (faultCounts) {
                    faultCounts.set(life, JSON.readTree(answer.body()));
                }
            }
        } catch (IOException e) {
            // down (being killed or restarted): the last counts read stand
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A participating store with a product, and one order approved: every cache knows the product by then. */
    private String setUpMall(Api anonymous, BenchTokens tokens) {
        Api staff = anonymous.as(tokens.staff());
        String store = call(staff, "POST", "/api/stores", Map.of("name", "Fault store", "location", "Level 1"),
                Set.of(201)).text("id");
        call(staff, "PUT", "/api/stores/" + store + "/participating", null, Set.of(200, 204, 409));
        String product = call(staff, "POST", "/api/stores/" + store + "/products",
                Map.of("name", "Fault bolt", "description", "M4", "sku", "F-1", "price", "10.00"),
                Set.of(201)).text("id");
        Order probe = new Order(-1, Expected.APPROVED, UUID.randomUUID().toString());
        Instant deadline = Instant.now().plus(READY_WITHIN);
        String payment = register(probe, anonymous, tokens, "1000.00");
        while (Instant.now().isBefore(deadline)) {
            Api customer = anonymous.as(tokens.customer(probe.customerId));
            String basket = call(customer, "POST", "/api/baskets", Map.of("customerId", probe.customerId),
                    Set.of(201)).text("id");
            Api.Answer added = call(customer, "PUT", "/api/baskets/" + basket + "/addItem",
                    Map.of("productId", product, "quantity", 1), Set.of(200, 404));
            if (added.status() == 404) {
                sleep(Duration.ofMillis(500));
                continue;
            }
            call(customer, "PUT", "/api/baskets/" + basket + "/checkout", Map.of("paymentId", payment),
                    Set.of(200, 409));
            probe.id = basket;
            String status = awaitTerminal(probe, customer, deadline);
            if (status.equals("approved")) {
                return product;
            }
        }
        throw new IllegalStateException("no order was approved within " + READY_WITHIN.toSeconds()
                + " s of setting up the mall; see " + options.workDir().resolve("console.log"));
    }

    /** The seeded mix: half approved, the rest rejected (customer, payment) or canceled. */
    private List<Order> plan() {
        Random random = new Random(options.seed());
        List<Order> orders = new ArrayList<>();
        for (int i = 0; i < options.orders(); i++) {
            double draw = random.nextDouble();
            Expected expected = draw < 0.5 ? Expected.APPROVED : draw < 0.65 ? Expected.REJECTED_CUSTOMER
                    : draw < 0.8 ? Expected.REJECTED_PAYMENT : Expected.CANCELED;
            orders.add(new Order(i, expected, new UUID(random.nextLong(), random.nextLong()).toString()));
        }
        return orders;
    }

    /**
     * AuthorizeCustomer commands that no consumer can decode (no payload): the customers queue
     * must fail them MaxReceiveCount times and move them to its dead-letter queue.
     */
    private List<String> plantPoison() {
        int count = Math.max(1, options.orders() / 50);
        List<String> marks = new ArrayList<>();
        try (EventBridgeClient events = EventBridgeClient.builder().endpointOverride(endpoint)
                .region(Region.US_EAST_1).credentialsProvider(observer())
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            String bus = events.listEventBuses(r -> { }).eventBuses().stream().map(b -> b.name())
                    .filter(name -> !name.equals("default")).findFirst().orElseThrow();
            for (int i = 0; i < count; i++) {
                String mark = POISON_MARK + options.seed() + "-" + i;
                marks.add(mark);
                var answer = events.putEvents(r -> r.entries(PutEventsRequestEntry.builder().eventBusName(bus)
                        .source("mallbots.cosec").detailType("AuthorizeCustomer")
                        .detail("{\"poison\":\"" + mark + "\"}").build()));
                if (answer.failedEntryCount() > 0) {
                    throw new IllegalStateException("the bus refused the planted poison: " + answer.entries());
                }
            }
        }
        return marks;
    }

    /** One customer's order from registration to checkout (and cancel); never throws. */
    private void drive(Order order, Api anonymous, BenchTokens tokens, String product) {
        try {
            Api customer = anonymous.as(tokens.customer(order.customerId));
            String payment = register(order, anonymous, tokens,
                    order.expected == Expected.REJECTED_PAYMENT ? "0.01" : "1000.00");
            if (order.expected == Expected.REJECTED_CUSTOMER) {
                call(anonymous.as(tokens.staff()), "PUT", "/api/customers/" + order.customerId + "/disable", null,
                        Set.of(200, 204, 409));
            }
            String basket = call(customer, "POST", "/api/baskets", Map.of("customerId", order.customerId),
                    Set.of(201)).text("id");
            call(customer, "PUT", "/api/baskets/" + basket + "/addItem", Map.of("productId", product, "quantity", 1),
                    Set.of(200));
            order.checkoutSent = Instant.now();
            call(customer, "PUT", "/api/baskets/" + basket + "/checkout", Map.of("paymentId", payment),
                    Set.of(200, 409));
            order.id = basket;
            checkedOut.incrementAndGet();
            if (order.expected == Expected.CANCELED) {
                Instant deadline = Instant.now().plus(CALL_WITHIN);
                while (call(customer, "GET", "/api/ordering/" + basket, null, Set.of(200, 404)).status() == 404
                        && Instant.now().isBefore(deadline)) {
                    sleep(Duration.ofMillis(200));
                }
                call(customer, "DELETE", "/api/ordering/" + basket, null, Set.of(200, 204, 409));
            }
        } catch (RuntimeException e) {
            order.error = String.valueOf(e.getMessage());
            if (order.id == null) {
                checkedOut.incrementAndGet();
            }
        }
    }

    /** Registers the order's customer and authorizes a payment of {@code amount}; answers the payment's id. */
    private String register(Order order, Api anonymous, BenchTokens tokens, String amount) {
        Api customer = anonymous.as(tokens.customer(order.customerId));
        call(customer, "POST", "/api/customers", Map.of("name", "Customer " + order.index,
                "smsNumber", "+1555" + String.format("%07d", Math.abs(order.index))), Set.of(201, 409));
        return call(customer, "POST", "/api/payments", Map.of("amount", amount), Set.of(201)).text("id");
    }

    /**
     * Calls until the API answers one of {@code ok}. A 5xx or an I/O error
     * (the local cloud being restarted) is retried, and counted. A conditional command may answer
     * 409 even on its first attempt: the function's SDK retried a write whose answer was lost, and
     * the retry found it done (registered, checked out, canceled): the state at the end tells.
     */
    private Api.Answer call(Api api, String method, String path, Object body, Set<Integer> ok) {
        Instant deadline = Instant.now().plus(CALL_WITHIN);
        long pause = 100;
        for (int attempt = 1; ; attempt++) {
            String failure;
            try {
                Api.Answer answer = api.call(method, path, body);
                if (ok.contains(answer.status())) {
                    return answer;
                }
                failure = method + " " + path + " answered " + answer.status() + " " + answer.body();
                // a conflict that says so is worth another try (ConflictRetry gave up: others wrote meanwhile)
                if (answer.status() < 500 && !(answer.status() == 409 && answer.text("message").contains("can be retried"))) {
                    throw new IllegalStateException(failure);
                }
            } catch (Api.ApiFailure e) {
                failure = e.getMessage();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("gave up after " + attempt + " attempts: " + failure);
            }
            apiRetries.incrementAndGet();
            sleep(Duration.ofMillis(pause));
            pause = Math.min(pause * 2, 2000);
        }
    }

    private String awaitTerminal(Order order, Api customer, Instant deadline) {
        while (Instant.now().isBefore(deadline)) {
            readOrder(order, customer);
            if (TERMINAL.contains(order.status)) {
                return order.status;
            }
            sleep(Duration.ofMillis(300));
        }
        return order.status;
    }

    private void readOrder(Order order, Api customer) {
        Api.Answer answer = call(customer, "GET", "/api/ordering/" + order.id, null, Set.of(200, 404));
        if (answer.status() == 200) {
            order.status = answer.text("status");
            order.reason = answer.body().path("rejectedReason").asText("");
        }
    }

    /**
     * Waits until every order is terminal, the consumer queues are empty, every expected
     * notification was sent and every planted poison is in a dead-letter queue.
     */
    private void settle(List<Order> orders, List<String> poison, BenchTokens tokens, Api anonymous) {
        Instant from = Instant.now();
        Instant deadline = from.plus(options.settleWithin());
        try (SqsClient sqs = sqs()) {
            while (Instant.now().isBefore(deadline)) {
                boolean terminal = true;
                for (Order order : orders) {
                    if (order.id != null && !TERMINAL.contains(order.status)) {
                        readOrder(order, anonymous.as(tokens.customer(order.customerId)));
                        terminal &= TERMINAL.contains(order.status);
                    }
                }
                boolean empty = queuesEmpty(sqs);
                List<String> missing = missingSms(orders);
                boolean poisoned = deadLettered(sqs).keySet().containsAll(poison);
                if (terminal && empty && missing.isEmpty() && poisoned) {
                    return;
                }
                long open = orders.stream().filter(o -> o.id != null && !TERMINAL.contains(o.status)).count();
                log("---- fault suite: settling for " + Duration.between(from, Instant.now()).toSeconds() + " s: "
                        + open + " orders not terminal, queues " + (empty ? "empty" : "not empty") + ", "
                        + missing.size() + " notifications not sent, poison " + (poisoned ? "" : "not ")
                        + "all dead-lettered ----");
                sleep(Duration.ofSeconds(1));
            }
        }
    }

    private boolean queuesEmpty(SqsClient sqs) {
        for (String url : sqs.listQueues().queueUrls()) {
            if (url.endsWith("-dlq")) {
                continue;
            }
            Map<String, String> attributes = sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE,
                    QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_DELAYED)).attributesAsStrings();
            if (attributes.values().stream().anyMatch(value -> !value.equals("0"))) {
                return false;
            }
        }
        return true;
    }

    /** The messages in the dead-letter queues, read without removing them: planted mark (or body) to queue. */
    private Map<String, String> deadLettered(SqsClient sqs) {
        Map<String, String> found = new TreeMap<>();
        for (String url : sqs.listQueues().queueUrls()) {
            if (!url.endsWith("-dlq")) {
                continue;
            }
            String queue = url.substring(url.lastIndexOf('/') + 1);
            List<Message> seen = new ArrayList<>();
            List<Message> batch;
            do {
                batch = sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(20)
                        .waitTimeSeconds(0)).messages();
                seen.addAll(batch);
            } while (!batch.isEmpty());
            for (Message message : seen) {
                Matcher mark = Pattern.compile(POISON_MARK + "[0-9-]+").matcher(message.body());
                found.put(mark.find() ? mark.group() : queue + ": " + message.body(), queue);
                sqs.changeMessageVisibility(r -> r.queueUrl(url).receiptHandle(message.receiptHandle())
                        .visibilityTimeout(0));
            }
        }
        return found;
    }

    /** SMS sent, counted from the functions' logs: (order id, what it said) to how many times. */
    private Map<String, Integer> smsSent() {
        Map<String, Integer> sent = new HashMap<>();
        Path logs = stateDir.resolve("logs.jsonl");
        if (!Files.exists(logs)) {
            return sent;
        }
        try (Stream<String> lines = Files.lines(logs, StandardCharsets.UTF_8)) {
            lines.filter(line -> line.contains("SMS to")).forEach(line -> {
                Matcher matcher = SMS.matcher(line);
                if (matcher.find()) {
                    sent.merge(matcher.group(1) + " " + matcher.group(2), 1, Integer::sum);
                }
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return sent;
    }

    private List<String> missingSms(List<Order> orders) {
        Map<String, Integer> sent = smsSent();
        List<String> missing = new ArrayList<>();
        for (Order order : orders) {
            if (order.id == null) {
                continue;
            }
            for (String said : expectedSms(order)) {
                if (!sent.containsKey(order.id + " " + said)) {
                    missing.add(order.id + " " + said);
                }
            }
        }
        return missing;
    }

    private static List<String> expectedSms(Order order) {
        return order.status.equals("canceled") || order.expected == Expected.CANCELED
                ? List.of("has been received", "has been canceled") : List.of("has been received");
    }

    private FaultReport report(List<Order> orders, List<String> poison, Duration settleAfterLastCheckout,
            Duration total, boolean killed, Duration restart, BenchTokens tokens, Api anonymous)
            throws IOException {
        List<String> problems = new ArrayList<>();
        Map<String, Map<String, Integer>> byExpected = new TreeMap<>();
        for (Order order : orders) {
            byExpected.computeIfAbsent(order.expected.name().toLowerCase(java.util.Locale.ROOT), k -> new TreeMap<>())
                    .merge(order.status, 1, Integer::sum);
            if (order.error != null) {
                problems.add("order " + order.index + " (" + order.expected + "): " + order.error);
            } else if (!order.status.equals(order.expected.status)) {
                problems.add("order " + order.index + " " + order.id + ": expected " + order.expected.status + ", is "
                        + order.status + (order.reason.isEmpty() ? "" : " (" + order.reason + ")"));
            } else if (order.reason.contains("timed out")) {
                // rejected, but because a message was lost, not because of what the participant said
                problems.add("order " + order.index + " " + order.id + ": rejected, but " + order.reason);
            }
        }
        // duplicate effects: an SMS per order and kind, at most once; each expected one there
        Map<String, Integer> sent = smsSent();
        Set<String> ids = new java.util.HashSet<>();
        orders.forEach(order -> ids.add(order.id));
        int duplicates = 0;
        for (Map.Entry<String, Integer> entry : sent.entrySet()) {
            if (entry.getValue() > 1 && ids.contains(entry.getKey().substring(0, 36))) {
                duplicates += entry.getValue() - 1;
                problems.add("SMS sent " + entry.getValue() + " times: order " + entry.getKey());
            }
        }
        for (Order order : orders) {
            if (order.id == null) {
                continue;
            }
            for (String said : List.of("is ready", "is complete", "has been canceled")) {
                if (sent.containsKey(order.id + " " + said) && !expectedSms(order).contains(said)) {
                    problems.add("order " + order.id + " (" + order.expected + "): unexpected SMS '" + said + "'");
                }
            }
        }
        missingSms(orders).forEach(missing -> problems.add("SMS never sent: order " + missing));
        duplicates += duplicateNotificationRecords(orders, tokens, anonymous, problems);

        Map<String, String> deadLetters;
        try (SqsClient sqs = sqs()) {
            deadLetters = deadLettered(sqs);
        }
        Map<String, Integer> deadLetteredByQueue = new TreeMap<>();
        deadLetters.forEach((what, queue) -> deadLetteredByQueue.merge(queue, 1, Integer::sum));
        for (String what : deadLetters.keySet()) {
            if (!what.startsWith(POISON_MARK)) {
                problems.add("dead-lettered, not planted: " + what);
            }
        }
        for (String mark : poison) {
            if (!deadLetters.containsKey(mark)) {
                problems.add("planted poison " + mark + " is not in a dead-letter queue");
            }
        }
        List<String> lines = new ArrayList<>(consoleLinesOfEarlierLives);
        lines.addAll(cloud.get().lines());
        long eventBridgeRetries = lines.stream().filter(line -> line.contains(", will retry")).count();
        Flow flow = Flow.read(stateDir.resolve("flow.jsonl"));
        Map<String, Long> injected = new TreeMap<>();
        Map<String, Long> sdkRetries = new TreeMap<>();
        synchronized (faultCounts) {
            for (JsonNode counts : faultCounts) {
                if (counts == null) {
                    continue;
                }
                counts.path("injected").properties().forEach(e -> injected.merge(e.getKey(), e.getValue().asLong(), Long::sum));
                counts.path("sdkRetries").properties().forEach(e -> sdkRetries.merge(e.getKey(), e.getValue().asLong(), Long::sum));
            }
        }
        return new FaultReport(options, orders.size(), byExpected, injected, sdkRetries, flow.sqsRedeliveries(), flow.failedHandlings(),
                eventBridgeRetries, apiRetries.get(), settleAfterLastCheckout, total, killed, restart,
                deadLetteredByQueue, flow.deadLetterReasons(), duplicates, problems);
    }

    /** The notifications table keeps one record per (order, kind); the API shows them per customer. */
    private int duplicateNotificationRecords(List<Order> orders, BenchTokens tokens, Api anonymous, List<String> problems) {
        int duplicates = 0;
        for (Order order : orders) {
            if (order.id == null) {
                continue;
            }
            Api customer = anonymous.as(tokens.customer(order.customerId));
            JsonNode list = call(customer, "GET", "/api/notifications?customerId=" + order.customerId, null,
                    Set.of(200)).body();
            Map<String, Integer> perKind = new TreeMap<>();
            JsonNode items = list.isArray() ? list : list.path("notifications");
            for (JsonNode notification : items) {
                if (notification.path("orderId").asText().equals(order.id)) {
                    perKind.merge(notification.path("kind").asText(), 1, Integer::sum);
                }
            }
            for (Map.Entry<String, Integer> kind : perKind.entrySet()) {
                if (kind.getValue() > 1) {
                    duplicates += kind.getValue() - 1;
                    problems.add("order " + order.id + ": " + kind.getValue() + " notifications " + kind.getKey());
                }
            }
        }
        return duplicates;
    }

    private SqsClient sqs() {
        return SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1).credentialsProvider(observer())
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    private static StaticCredentialsProvider observer() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(FaultInjector.SPARED_ACCESS_KEY, "local"));
    }

    private static boolean allDone(List<Future<?>> futures) {
        return futures.stream().allMatch(Future::isDone);
    }

    static void sleep(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
