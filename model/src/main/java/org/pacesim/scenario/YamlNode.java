package org.pacesim.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Set;

/**
 * The raw tree of an input file: maps, lists and scalars, each remembering where it was written. Loading works
 * on this tree (extends, changes) before anything is typed, so that every message can point at a line, including
 * lines of a parent file, and so that a {@code set} change is validated exactly as if it had been written.
 */
public sealed interface YamlNode permits YamlNode.Map, YamlNode.Seq, YamlNode.Scalar {

    /** Where the node starts. */
    Location at();

    /** A deep copy, so that changes applied to a child scenario never touch the parent's tree. */
    YamlNode copy();

    /** How the node reads in a message: {@code a map}, {@code a list}, or the scalar's text. */
    String describe();

    /**
     * A mapping with string keys in file order; each entry keeps where its key was written.
     */
    final class Map implements YamlNode {
        private final LinkedHashMap<String, Entry> entries = new LinkedHashMap<>();
        private final Location at;

        /** An empty map written at {@code at}. */
        public Map(Location at) {
            this.at = at;
        }

        @Override
        public Location at() {
            return at;
        }

        /** Adds or replaces an entry. */
        public void put(String key, Location keyAt, YamlNode value) {
            entries.put(key, new Entry(key, keyAt, value));
        }

        /** Replaces the value of an entry, keeping where its key was written; adds it (at the map) if absent. */
        public void set(String key, YamlNode value) {
            Entry old = entries.get(key);
            entries.put(key, new Entry(key, old == null ? value.at() : old.keyAt(), value));
        }

        /** The entry for {@code key}, or null. */
        public Entry entry(String key) {
            return entries.get(key);
        }

        /** The value for {@code key}, or null. */
        public YamlNode get(String key) {
            Entry e = entries.get(key);
            return e == null ? null : e.value();
        }

        /** Whether the key is present. */
        public boolean has(String key) {
            return entries.containsKey(key);
        }

        /** Removes an entry, returning it or null. */
        public Entry remove(String key) {
            return entries.remove(key);
        }

        /** The keys in file order. */
        public Set<String> keys() {
            return entries.keySet();
        }

        /** The entries in file order (a live view). */
        public java.util.Collection<Entry> entries() {
            return entries.values();
        }

        @Override
        public Map copy() {
            Map m = new Map(at);
            for (Entry e : entries.values()) m.put(e.key(), e.keyAt(), e.value().copy());
            return m;
        }

        @Override
        public String describe() {
            return "a map";
        }
    }

    /**
     * One key of a map and its value.
     *
     * @param key   the key text
     * @param keyAt where the key was written (messages about the entry point here)
     * @param value the value
     */
    record Entry(String key, Location keyAt, YamlNode value) {}

    /**
     * A sequence.
     *
     * @param items the items in order (mutable only while loading)
     * @param at    where the sequence starts
     */
    record Seq(List<YamlNode> items, Location at) implements YamlNode {
        @Override
        public Seq copy() {
            List<YamlNode> c = new ArrayList<>(items.size());
            for (YamlNode n : items) c.add(n.copy());
            return new Seq(c, at);
        }

        @Override
        public String describe() {
            return "a list";
        }
    }

    /**
     * A scalar as written.
     *
     * @param text   the text, or null for YAML null ({@code ~}, {@code null} or nothing)
     * @param quoted whether it was written in quotes (then it is always a string)
     * @param at     where it was written
     */
    record Scalar(String text, boolean quoted, Location at) implements YamlNode {
        @Override
        public Scalar copy() {
            return this;
        }

        @Override
        public String describe() {
            return text == null ? "nothing" : "\"" + text + "\"";
        }

        /** A scalar made by a change rather than read from a file. */
        public static Scalar of(Object value, Location at) {
            return new Scalar(String.valueOf(value), false, at);
        }
    }
}
