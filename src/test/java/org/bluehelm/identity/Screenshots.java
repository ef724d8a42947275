package org.bluehelm.identity;

import org.bluehelm.test.Browser;

/** Screenshots of whole pages, not only of the window, for looking at long forms. */
final class Screenshots {

    private Screenshots() {}

    static void wholePage(Browser browser, String name) {
        browser.screenshotWholePage(name);
    }
}
