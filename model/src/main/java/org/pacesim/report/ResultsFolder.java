package org.pacesim.report;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.Stream;

import org.pacesim.scenario.InvalidInputException;
import org.pacesim.scenario.Location;

/**
 * Where a run's files go. Nothing is ever overwritten: a run writes into a hidden staging folder beside the target
 * (created before the simulation starts, which also proves the place is writable) and the staging folder is moved
 * into place in one step when every file is written. An interrupted run leaves only a folder named
 * {@code .NAME.partial-PID}, which nobody will mistake for results.
 */
public final class ResultsFolder {
    private final Path target;
    private final Path staging;
    private final Path latestIn;    // the results root whose 'latest' link to update, or null
    private final Thread onInterrupt;
    private volatile boolean finished;

    private ResultsFolder(Path target, Path staging, Path latestIn) {
        this.target = target;
        this.staging = staging;
        this.latestIn = latestIn;
        // Ctrl-C (or a kill) before the folder is complete: remove the staged files, so that nothing half-written
        // is left looking like results, and say so.
        this.onInterrupt = new Thread(() -> {
            if (finished) return;
            remove();
            System.err.println("interrupted: no results were written (" + target + " was not created)");
        }, "results-folder-cleanup");
        Runtime.getRuntime().addShutdownHook(onInterrupt);
    }

    /**
     * Prepares a folder: {@code out} if given (it must not exist, or be empty), else
     * {@code results/STEM-yyyyMMdd-HHmmss} (with a suffix if that exists).
     *
     * @throws InvalidInputException when the place cannot be used, before any work is done
     */
    public static ResultsFolder prepare(Path out, Path resultsRoot, String stem) {
        Path target = out;
        if (target != null && Files.exists(target) && !isEmptyDir(target)) {
            throw new InvalidInputException(Location.of(target.toString()), "--out", "the output folder already exists"
                    + " and is not empty; earlier results are never overwritten", "name a new folder, or leave --out"
                    + " out to get a fresh timestamped folder under results/");
        }
        try {
            if (target == null) {
                Files.createDirectories(resultsRoot);
                String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
                target = reserve(resultsRoot, stem + "-" + stamp);
            } else {
                Files.createDirectories(target); // reserves the name; an empty folder is all that can be there
            }
            Path staging = Files.createDirectory(target.toAbsolutePath().getParent().resolve("." + target.getFileName()
                    + ".partial-" + ProcessHandle.current().pid()));
            return new ResultsFolder(target, staging, out == null ? resultsRoot : null);
        } catch (IOException e) {
            throw new InvalidInputException(Location.of((target == null ? resultsRoot : target).toString()), "--out",
                    "cannot write results here (" + e.getClass().getSimpleName().replace("Exception", "") + ": "
                    + e.getMessage() + ")", "choose a folder you can write to, e.g. --out results/my-run");
        }
    }

    /** Creates the first free folder NAME, NAME-2, NAME-3, ... (creation is atomic, so concurrent runs differ). */
    private static Path reserve(Path root, String name) throws IOException {
        for (int k = 1; ; k++) {
            Path p = root.resolve(k == 1 ? name : name + "-" + k);
            try {
                return Files.createDirectory(p);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                // taken: try the next suffix
            }
        }
    }

    private static boolean isEmptyDir(Path p) {
        if (!Files.isDirectory(p)) return false;
        try (DirectoryStream<Path> d = Files.newDirectoryStream(p)) {
            return !d.iterator().hasNext();
        } catch (IOException e) {
            return false;
        }
    }

    /** Writes one file into the staging folder ({@code name} may name a subfolder, e.g. {@code charts/a.png}). */
    public void write(String name, String content) throws IOException {
        write(name, content.getBytes(StandardCharsets.UTF_8));
    }

    /** Where a file written with {@link #write} sits until {@link #commit()} (beside the target, so relative paths hold). */
    public Path staged(String name) {
        return staging.resolve(name);
    }

    /**
     * Opens one file of the staging folder for writing, buffered, for a file too large to build in memory first; the
     * caller closes it.
     */
    public OutputStream open(String name) throws IOException {
        Path file = staging.resolve(name);
        Files.createDirectories(file.getParent());
        return new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
    }

    /** Writes one file's bytes into the staging folder. */
    public void write(String name, byte[] content) throws IOException {
        Path file = staging.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
    }

    /**
     * Moves the finished folder into place and, for a default folder, points {@code results/latest} at it.
     */
    public Path commit() throws IOException {
        Files.deleteIfExists(target); // the empty folder that reserved the name
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(staging, target);
        }
        finish();
        if (latestIn != null) pointLatest();
        return target;
    }

    /** Replaces the {@code latest} link in one step (a new link renamed over the old one). */
    private void pointLatest() {
        Path link = latestIn.resolve("latest");
        Path tmp = latestIn.resolve(".latest-" + ProcessHandle.current().pid());
        try {
            Files.deleteIfExists(tmp);
            Files.createSymbolicLink(tmp, target.getFileName());
            Files.move(tmp, link, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException | UnsupportedOperationException e) {
            try {
                Files.deleteIfExists(tmp); // no symbolic links here: the timestamped folder is all there is
            } catch (IOException ignored) {
                // nothing more to do
            }
        }
    }

    /** Removes the staging folder (and the reserved, still empty, target) of a run that did not finish. */
    public void abandon() {
        if (finished) return;
        finish();
        remove();
    }

    private void finish() {
        finished = true;
        try {
            Runtime.getRuntime().removeShutdownHook(onInterrupt);
        } catch (IllegalStateException e) {
            // already shutting down: the hook runs and sees 'finished'
        }
    }

    private void remove() {
        try {
            if (isEmptyDir(target)) Files.delete(target);
        } catch (IOException e) {
            // best effort
        }
        try (Stream<Path> walk = Files.walk(staging)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a leftover .partial folder is harmless and clearly named
        }
    }

    /** The final place. */
    public Path target() {
        return target;
    }
}
