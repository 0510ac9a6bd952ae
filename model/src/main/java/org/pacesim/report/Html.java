package org.pacesim.report;

/** HTML text helpers for the report. */
final class Html {
    private Html() {}

    /** Text made safe to put between tags or in an attribute. */
    static String escape(String s) {
        if (s == null) return "";
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
