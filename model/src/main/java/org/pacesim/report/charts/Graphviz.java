package org.pacesim.report.charts;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Graphviz, when it is installed: renders DOT with {@code dot}. Nothing depends on it; the process map has a
 * layout of its own, and uses Graphviz's only where Graphviz is found and its drawing fits the figure legibly.
 * Set the system property {@code pace.graphviz=false} to ignore an installed Graphviz.
 */
final class Graphviz {
    private static final long TIMEOUT_SECONDS = 30;
    private static final Pattern SIZE = Pattern.compile("<svg[^>]*?width=\"([\\d.]+)pt\"[^>]*?height=\"([\\d.]+)pt\"");

    private Graphviz() {}

    /**
     * A drawing by Graphviz.
     *
     * @param svg    the SVG document
     * @param width  its width in points
     * @param height its height in points
     */
    record Drawing(String svg, double width, double height) {}

    /** The DOT drawn as SVG, or empty when Graphviz is missing, disabled or fails. */
    static Optional<Drawing> svg(String dot) {
        if ("false".equals(System.getProperty("pace.graphviz"))) return Optional.empty();
        return run(dot, "-Tsvg").flatMap(bytes -> {
            String svg = new String(bytes, StandardCharsets.UTF_8);
            Matcher m = SIZE.matcher(svg);
            if (!m.find()) return Optional.empty();
            return Optional.of(new Drawing(svg, Double.parseDouble(m.group(1)), Double.parseDouble(m.group(2))));
        });
    }

    /** The DOT drawn as PNG at {@code dpi}, or empty. */
    static Optional<byte[]> png(String dot, double dpi) {
        return run(dot, "-Tpng", "-Gdpi=" + Math.round(dpi));
    }

    private static Optional<byte[]> run(String dot, String... args) {
        List<String> command = new java.util.ArrayList<>(List.of("dot"));
        command.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(dot.getBytes(StandardCharsets.UTF_8));
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (InputStream o = p.getInputStream()) {
                o.transferTo(out);
            }
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            return p.exitValue() == 0 && out.size() > 0 ? Optional.of(out.toByteArray()) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // not installed
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
