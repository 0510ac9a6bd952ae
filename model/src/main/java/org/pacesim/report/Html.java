package org.pacesim.report;

import org.apache.commons.text.StringEscapeUtils;

/** HTML text helpers for the report. */
final class Html {
    private Html() {}

    /** Text made safe to put between tags or in an attribute (nothing for null). */
    static String escape(String s) {
        return s == null ? "" : StringEscapeUtils.escapeXml10(s);
    }
}
