package org.pacesim.report.charts;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A left-to-right layered layout of a directed graph with loops, in the manner of Sugiyama: loops are broken by
 * turning back the edges that close them (found by a depth-first search from the entry points), each vertex goes
 * in the layer after its furthest predecessor, and the order within each layer is improved by a few sweeps that
 * place each vertex at the mean position of its neighbours. Good enough for a pathway of fifty stages, with no
 * need for Graphviz.
 */
final class MapLayout {
    /** Layer of each vertex (0 for the entry points). */
    final Map<String, Integer> layer = new LinkedHashMap<>();
    /** Position of each vertex within its layer, from the top. */
    final Map<String, Integer> position = new HashMap<>();
    /** The vertices of each layer, top to bottom. */
    final List<List<String>> layers = new ArrayList<>();
    /** Edges that point backwards (the loops), as "from\u0000to". */
    final Set<String> back = new HashSet<>();

    MapLayout(List<String> vertices, List<String[]> edges, List<String> entries) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        Map<String, List<String>> in = new LinkedHashMap<>();
        for (String v : vertices) {
            out.put(v, new ArrayList<>());
            in.put(v, new ArrayList<>());
        }
        for (String[] e : edges) {
            if (e[0].equals(e[1])) continue;
            out.get(e[0]).add(e[1]);
            in.get(e[1]).add(e[0]);
        }
        findBackEdges(vertices, entries, out);
        assignLayers(vertices, out);
        order(in, out);
    }

    private void findBackEdges(List<String> vertices, List<String> entries, Map<String, List<String>> out) {
        Set<String> done = new HashSet<>();
        Set<String> onPath = new HashSet<>();
        List<String> starts = new ArrayList<>(entries);
        for (String v : vertices) if (!starts.contains(v)) starts.add(v);
        for (String s : starts) {
            if (done.contains(s)) continue;
            // iterative depth-first search: a stack of (vertex, next child index)
            Deque<Object[]> stack = new ArrayDeque<>();
            stack.push(new Object[] {s, 0});
            onPath.add(s);
            while (!stack.isEmpty()) {
                Object[] top = stack.peek();
                String v = (String) top[0];
                int i = (int) top[1];
                List<String> next = out.get(v);
                if (i < next.size()) {
                    top[1] = i + 1;
                    String w = next.get(i);
                    if (onPath.contains(w)) back.add(v + "\u0000" + w);
                    else if (!done.contains(w)) {
                        onPath.add(w);
                        stack.push(new Object[] {w, 0});
                    }
                } else {
                    stack.pop();
                    onPath.remove(v);
                    done.add(v);
                }
            }
        }
    }

    boolean isBack(String from, String to) {
        return back.contains(from + "\u0000" + to) || from.equals(to);
    }

    /** Longest path from the entry points over the forward edges (Kahn's order). */
    private void assignLayers(List<String> vertices, Map<String, List<String>> out) {
        Map<String, Integer> indegree = new HashMap<>();
        for (String v : vertices) indegree.put(v, 0);
        for (String v : vertices) for (String w : out.get(v)) if (!isBack(v, w)) indegree.merge(w, 1, Integer::sum);
        Deque<String> ready = new ArrayDeque<>();
        for (String v : vertices) {
            if (indegree.get(v) == 0) {
                ready.add(v);
                layer.put(v, 0);
            }
        }
        while (!ready.isEmpty()) {
            String v = ready.poll();
            for (String w : out.get(v)) {
                if (isBack(v, w)) continue;
                layer.merge(w, layer.get(v) + 1, Math::max);
                if (indegree.merge(w, -1, Integer::sum) == 0) ready.add(w);
            }
        }
        int count = layer.values().stream().mapToInt(Integer::intValue).max().orElse(0) + 1;
        for (int k = 0; k < count; k++) layers.add(new ArrayList<>());
        for (String v : vertices) layers.get(layer.get(v)).add(v);
    }

    /** Barycentre sweeps, down and up, to reduce crossings. */
    private void order(Map<String, List<String>> in, Map<String, List<String>> out) {
        index();
        for (int sweep = 0; sweep < 8; sweep++) {
            boolean forward = sweep % 2 == 0;
            for (int k = forward ? 1 : layers.size() - 2; forward ? k < layers.size() : k >= 0; k += forward ? 1 : -1) {
                List<String> l = layers.get(k);
                Map<String, Double> centre = new HashMap<>();
                for (String v : l) {
                    List<String> nb = forward ? in.get(v) : out.get(v);
                    double sum = 0;
                    int n = 0;
                    for (String w : nb) {
                        if (Math.abs(layer.get(w) - k) != 1) continue; // only adjacent layers pull
                        sum += position.get(w);
                        n++;
                    }
                    centre.put(v, n == 0 ? position.get(v) : sum / n);
                }
                l.sort((a, b) -> Double.compare(centre.get(a), centre.get(b)));
                for (int i = 0; i < l.size(); i++) position.put(l.get(i), i);
            }
        }
    }

    private void index() {
        for (List<String> l : layers) for (int i = 0; i < l.size(); i++) position.put(l.get(i), i);
    }
}
