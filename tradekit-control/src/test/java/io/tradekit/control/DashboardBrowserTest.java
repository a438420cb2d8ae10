package io.tradekit.control;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard in a real browser (Debian's headless Chromium through chromedriver), against a control plane
 * whose paper bot is fed a bar every 100 ms: a viewer sees the equity move live and no actions; an operator
 * pauses and resumes the bot, stops it in an emergency and is refused the resume; an admin resumes it.
 */
class DashboardBrowserTest {

    static final String PASSWORD = "correct horse battery";
    static final String BOT = "paper-btc";

    @TempDir
    static Path dir;
    @TempDir
    static Path profile;
    static ControlPlane plane;
    static Thread feeder;
    static WebDriver browser;

    @BeforeAll
    static void start() {
        plane = ControlPlane.builder().port(0).sampleEvery(Duration.ofMillis(200))
                .user("viv", "desk", Role.VIEWER, Passwords.hash(PASSWORD.toCharArray(), 1_000))
                .user("otto", "desk", Role.OPERATOR, Passwords.hash(PASSWORD.toCharArray(), 1_000))
                .user("ada", "desk", Role.ADMIN, Passwords.hash(PASSWORD.toCharArray(), 1_000))
                .bot(FedPaperBot.spec(BOT, "desk", dir))
                .start();
        feeder = FedPaperBot.feeder(plane.fleet(), BOT, 100, 42);

        ChromeOptions options = new ChromeOptions();
        options.setBinary(new File("/usr/bin/chromium"));
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=1280,900");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File("/usr/bin/chromedriver")).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
    }

    @AfterAll
    static void stop() {
        try {
            if (browser != null) browser.quit();
        } finally {
            if (feeder != null) feeder.interrupt();
            if (plane != null) plane.close();
        }
    }

    private WebDriverWait waiting() {
        return new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    private void logIn(String user) {
        browser.get(plane.url());
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        browser.findElement(By.id("username")).sendKeys(user);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login-button")).click();
        WebElement row = waiting().until(ExpectedConditions.elementToBeClickable(By.cssSelector("#fleet tr[data-bot='" + BOT + "']")));
        assertThat(browser.findElement(By.id("whoami")).getText()).startsWith(user + " · ");
        row.click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("detail")));
    }

    private void logOut() {
        browser.findElement(By.id("logout")).click();
        waiting().until(ExpectedConditions.visibilityOfElementLocated(By.id("login-form")));
    }

    private void awaitState(String state) {
        waiting().until(ExpectedConditions.textToBe(By.id("bot-state"), state));
    }

    private void click(String id) {
        browser.findElement(By.id(id)).click();
    }

    @Test
    void eachRoleSeesTheLiveBotAndOnlyTheActionsItMayTake() {
        // a viewer: the equity moves live, on the chart too, and no action is offered
        logIn("viv");
        String equity = waiting().until(d -> {
            String t = d.findElement(By.id("bot-equity")).getText();
            return t.equals("—") || t.isEmpty() ? null : t;
        });
        waiting().until(d -> !d.findElement(By.id("bot-equity")).getText().equals(equity));
        waiting().until(d -> d.findElement(By.id("equity-line")).getAttribute("points").split(" ").length > 3);
        assertThat(browser.findElement(By.id("act-pause")).isDisplayed()).isFalse();
        assertThat(browser.findElement(By.id("manual-order")).isDisplayed()).isFalse();
        waiting().until(d -> !d.findElements(By.cssSelector("#fills tbody tr")).isEmpty());
        waiting().until(d -> !d.findElements(By.cssSelector("#audit tbody tr")).isEmpty());

        browser.manage().window().setSize(new Dimension(390, 844));
        Object overflow = ((JavascriptExecutor) browser).executeScript(
                "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).as("no sideways scrolling on a phone").isLessThanOrEqualTo(0);
        browser.manage().window().setSize(new Dimension(1280, 900));
        logOut();

        // an operator: pause, resume, emergency stop; the resume out of it is refused by the server
        logIn("otto");
        assertThat(browser.findElement(By.id("manual-order")).isDisplayed()).isFalse();
        browser.findElement(By.id("reason")).sendKeys("browser test");
        click("act-pause");
        awaitState("PAUSED");
        click("act-resume");
        awaitState("RUNNING");
        click("act-emergency");
        waiting().until(ExpectedConditions.alertIsPresent()).accept();
        awaitState("EMERGENCY_STOP");
        click("act-resume");
        waiting().until(ExpectedConditions.attributeToBe(By.id("action-message"), "class", "refused"));
        assertThat(browser.findElement(By.id("action-message")).getText()).contains("needs the admin role");
        assertThat(browser.findElement(By.id("bot-state")).getText()).isEqualTo("EMERGENCY_STOP");
        logOut();

        // an admin: the manual order form is offered, and the resume goes through
        logIn("ada");
        assertThat(browser.findElement(By.id("manual-order")).isDisplayed()).isTrue();
        awaitState("EMERGENCY_STOP");
        click("act-resume");
        awaitState("RUNNING");
        assertThat(plane.fleet().bot(BOT).orElseThrow().state()).isEqualTo(io.tradekit.api.BotState.RUNNING);
    }
}
