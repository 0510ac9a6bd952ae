package org.pacesim.report.charts;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Switches Graphviz off for a test class ({@code pace.graphviz=false}), so that the process map drawn is the
 * project's own whatever is installed, and puts the property back as it was afterwards, so that no other test
 * class sees it.
 */
public final class WithoutGraphviz implements BeforeAllCallback, AfterAllCallback {
    private static final String PROPERTY = "pace.graphviz";
    private static final ExtensionContext.Namespace HERE = ExtensionContext.Namespace.create(WithoutGraphviz.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        context.getStore(HERE).put(PROPERTY, String.valueOf(System.getProperty(PROPERTY)));
        System.setProperty(PROPERTY, "false");
    }

    @Override
    public void afterAll(ExtensionContext context) {
        String before = context.getStore(HERE).get(PROPERTY, String.class);
        if (before == null || before.equals("null")) System.clearProperty(PROPERTY);
        else System.setProperty(PROPERTY, before);
    }
}
