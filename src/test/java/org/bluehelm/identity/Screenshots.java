package org.bluehelm.identity;

import org.bluehelm.test.Browser;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

/** Screenshots of whole pages, not only of the window, for looking at long forms. */
final class Screenshots {

    private Screenshots() {}

    static void wholePage(Browser browser, String name) {
        Dimension window = browser.driver().manage().window().getSize();
        Number height = (Number)
                ((JavascriptExecutor) browser.driver()).executeScript("return document.documentElement.scrollHeight");
        browser.resize(window.getWidth(), Math.max(window.getHeight(), height.intValue() + 200));
        browser.screenshot(name);
        browser.resize(window.getWidth(), window.getHeight());
    }
}
