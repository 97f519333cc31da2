package mallbots.local.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import mallbots.local.system.Mall.Product;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web console in a real headless Chromium (Debian's {@code chromium} and
 * {@code chromium-driver}, driven by Selenium): the page loads and draws what the local cloud
 * serves, shows an order's trace as a sequence picture after a lifecycle run through the HTTP
 * API, and its redrive button moves a dead-lettered message back to its queue.
 *
 * <p>Without the browser the test is skipped, saying so, unless {@code -Dmallbots.requireBrowser=true}
 * or {@code MALLBOTS_REQUIRE_BROWSER=true} (what {@code .ci/run} sets): then it fails.
 * {@code -Dmallbots.chromium=...} and {@code -Dmallbots.chromedriver=...} name other binaries.
 */
class WebConsoleBrowserTest {

    private static final String NOTIFICATIONS_QUEUE = "mallbots-notifications";
    private static final String NOTIFICATIONS_DLQ = "mallbots-notifications-dlq";
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    private static SystemCloud system;
    private static Mall mall;
    private static WebDriver browser;
    private static Path profile;
    /** Why the tests are skipped: no browser here (and none required). */
    private static String missingBrowser;

    @BeforeAll
    static void startTheCloudAndTheBrowser() throws IOException {
        File chromium = new File(System.getProperty("mallbots.chromium", "/usr/bin/chromium"));
        File chromedriver = new File(System.getProperty("mallbots.chromedriver", "/usr/bin/chromedriver"));
        if (!chromium.canExecute() || !chromedriver.canExecute()) {
            String reason = "no headless browser: " + chromium + " or " + chromedriver
                    + " missing (apt-get install chromium chromium-driver); the web console's browser test is skipped";
            String required = System.getProperty("mallbots.requireBrowser", System.getenv("MALLBOTS_REQUIRE_BROWSER"));
            assertThat(Boolean.parseBoolean(required)).as(reason + ", but mallbots.requireBrowser is true").isFalse();
            System.out.println("WebConsoleBrowserTest: " + reason);
            missingBrowser = reason;
            return;
        }
        // A dead-lettered message after two failed receives rather than the template's five.
        system = SystemCloud.start(1, Map.of("MaxReceiveCount", "2"));
        mall = new Mall(system);
        profile = Files.createTempDirectory("mallbots-chromium");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + profile, "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(chromedriver)
                .usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() throws IOException {
        if (browser != null) {
            browser.quit();
        }
        if (system != null) {
            system.close();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            }
        }
    }

    @BeforeEach
    void skippedWithoutABrowser() {
        Assumptions.assumeTrue(missingBrowser == null, missingBrowser);
    }

    private static void open() {
        browser.get(system.local().webConsole().toString());
        waitFor("the first refresh", () -> text(By.id("status")).startsWith("updated"));
    }

    private static String text(By by) {
        List<WebElement> found = browser.findElements(by);
        return found.isEmpty() ? "" : found.get(0).getText();
    }

    private static void waitFor(String what, java.util.function.BooleanSupplier condition) {
        new WebDriverWait(browser, PATIENCE, Duration.ofMillis(250)).withMessage(what)
                .until(driver -> condition.getAsBoolean());
    }

    @Test
    void the_page_loads_and_draws_what_the_local_cloud_serves() {
        open();

        assertThat(browser.getTitle()).isEqualTo("MallBots local console");
        // every queue of the template, with its depth; each dead-letter queue has a redrive button
        waitFor("the queues", () -> !browser.findElements(By.cssSelector("#queues tr[data-queue='" + NOTIFICATIONS_DLQ + "']")).isEmpty());
        assertThat(browser.findElements(By.cssSelector("#queues tr.queue, #queues tr.dlq")))
                .hasSize(system.local().template().queues().size());
        assertThat(browser.findElement(By.cssSelector("#queues tr[data-queue='" + NOTIFICATIONS_QUEUE + "']")).getText())
                .contains(NOTIFICATIONS_DLQ);
        assertThat(browser.findElements(By.cssSelector("#queues tr.dlq button.redrive"))).hasSizeGreaterThanOrEqualTo(9);
        // the charting library came from its webjar through the console
        assertThat(((JavascriptExecutor) browser).executeScript("return typeof uPlot")).isEqualTo("function");
        assertThat(text(By.id("status"))).doesNotContain("cannot reach");
    }

    @Test
    void after_a_lifecycle_run_the_page_shows_the_orders_trace_as_a_sequence_picture() {
        Product bolt = mall.storeWithProduct("Browsed bolt", "1.25");
        String customer = mall.customer("Bea");
        String order = mall.checkOut(customer, mall.payment(customer, "5.00"), Map.of(bolt, 2));
        mall.completeOrder(order);

        open();
        WebElement id = browser.findElement(By.id("trace-id"));
        id.clear();
        id.sendKeys(order);
        browser.findElement(By.id("trace-show")).click();

        By completed = By.cssSelector("#trace-svg g.message[data-detail-type='OrderCompleted'] [data-function='NotificationsEvents']");
        waitFor("the OrderCompleted notification in the picture", () -> !browser.findElements(completed).isEmpty());
        WebElement picture = browser.findElement(By.id("trace-svg"));
        assertThat(picture.getAttribute("data-trace-id")).isEqualTo(order);
        List<String> drawn = picture.findElements(By.cssSelector("g.message")).stream()
                .map(message -> message.getAttribute("data-detail-type")).toList();
        assertThat(drawn).startsWith("BasketStarted").contains("BasketCheckedOut", "OrderCreated", "AuthorizeCustomer",
                "CreateShoppingList", "ConfirmPayment", "OrderApproved", "OrderReadied", "InvoicePaid", "OrderCompleted");
        assertThat(drawn.indexOf("OrderCreated")).isLessThan(drawn.indexOf("OrderApproved"));
        assertThat(drawn.indexOf("OrderApproved")).isLessThan(drawn.indexOf("OrderCompleted"));
        // lanes per context, an arrow per handling, from the sender's lane to the handler's
        assertThat(picture.findElements(By.cssSelector("text.lane-name")).stream().map(WebElement::getText).toList())
                .contains("baskets", "ordering", "cosec", "customers", "depot", "payments", "notifications", "search");
        WebElement created = picture.findElement(By.cssSelector("g.message[data-detail-type='OrderCreated']"));
        assertThat(created.findElements(By.cssSelector(".arrow.ok")).stream().map(a -> a.getAttribute("data-function")).toList())
                .contains("CosecEvents", "SearchEvents", "NotificationsEvents");
        assertThat(picture.findElements(By.cssSelector(".arrow.failed, .arrow.dead-lettered"))).isEmpty();
        assertThat(text(By.id("trace-summary"))).contains("4 flow(s)");

        // the live flow lists the order's messages, and the metrics have their charts
        waitFor("the flow table", () -> text(By.id("flow")).contains("OrderCompleted") || text(By.id("flow")).contains("NotificationsEvents"));
        waitFor("the OrdersCompleted chart", () -> !browser.findElements(
                By.cssSelector(".metric[data-name='OrdersCompleted'] canvas")).isEmpty());
        assertThat(browser.findElement(By.cssSelector(".metric[data-name='OrdersCompleted'] td.count")).getText()).isNotBlank();
    }

    @Test
    void the_redrive_button_moves_a_dead_lettered_message_back_to_its_queue() {
        String queueUrl = system.local().clients().sqs().getQueueUrl(r -> r.queueName(NOTIFICATIONS_QUEUE)).queueUrl();
        // a failed receive comes back after a second, not the template's 180 s
        system.local().clients().sqs().setQueueAttributes(r -> r.queueUrl(queueUrl).attributesWithStrings(
                Map.of("VisibilityTimeout", "1")));
        String flow = UUID.randomUUID().toString();
        String poison = """
                {"version":"0","id":"%s","detail-type":"PoisonPill","source":"test.poison","account":"000000000000",
                 "time":"2026-12-02T00:00:00Z","region":"us-east-1","resources":[],
                 "detail":{"metadata":{"messageId":"%s","correlationId":"%s","causationId":"%s"},"payload":{}}}"""
                .formatted(UUID.randomUUID(), flow, flow, flow);
        system.local().clients().sqs().sendMessage(r -> r.queueUrl(queueUrl).messageBody(poison));

        open();
        By redrive = By.cssSelector("#queues tr[data-queue='" + NOTIFICATIONS_DLQ + "'] button.redrive");
        waitFor("the poison message in " + NOTIFICATIONS_DLQ, () -> {
            List<WebElement> button = browser.findElements(redrive);
            return !button.isEmpty() && button.get(0).isEnabled();
        });
        assertThat(text(By.cssSelector("#queues tr.dlq[data-queue='" + NOTIFICATIONS_DLQ + "'] td.depth"))).isEqualTo("1");
        assertThat(text(By.cssSelector("#queues tr.dead-letter[data-queue='" + NOTIFICATIONS_DLQ + "']")))
                .contains("function NotificationsEvents on queue " + NOTIFICATIONS_QUEUE);
        waitFor("the dead-lettered handling among the recent errors", () -> text(By.id("errors")).contains("dead-lettered PoisonPill"));
        assertThat(handlingsOf(flow)).hasSize(2);

        waitFor("a click on the redrive button", () -> {
            try {
                browser.findElement(redrive).click();
                return true;
            } catch (StaleElementReferenceException redrawn) {
                return false; // the table was redrawn between finding the button and clicking it
            }
        });

        waitFor("the redrive's answer", () -> text(By.id("redrive-result")).startsWith("moved"));
        assertThat(text(By.id("redrive-result"))).isEqualTo("moved 1 message out of " + NOTIFICATIONS_DLQ);
        // back on its queue: the consumer receives it again, from a first receive
        waitFor("the poison message handled again", () -> handlingsOf(flow).size() > 2);
        assertThat(handlingsOf(flow).get(2).path("receiveCount").asInt()).isEqualTo(1);
        assertThat(handlingsOf(flow).get(2).path("queue").asText()).isEqualTo(NOTIFICATIONS_QUEUE);
    }

    /** The local cloud's records of the poison message's handlings, oldest first. */
    private static List<ObjectNode> handlingsOf(String correlationId) {
        return system.local().observability().flow().find(Map.of("kind", "handled", "correlationId", correlationId), 100);
    }
}
